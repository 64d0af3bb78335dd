using System.Globalization;
using System.Net;
using Docker.DotNet;
using Serilog;
using Slipway.Deploy.State;
using Slipway.Docker;

namespace Slipway.Deploy.Locking;

/// <summary>Who holds an environment's deploy lock, since when and why.</summary>
public sealed record LockInfo(string Environment, string Holder, string Host, int Pid, DateTimeOffset Since, string Reason)
{
    /// <summary>Stale when its process is gone from this very host, or when it is older than the timeout.</summary>
    /// <remarks>A lock taken by hand (pid 0) belongs to a person, not a process, and is never stale.</remarks>
    public bool IsStale(TimeSpan timeout, DateTimeOffset now) =>
        Pid != 0 && (now - Since > timeout || (Host == System.Environment.MachineName && !ProcessIsAlive(Pid)));

    public bool IsByHand => Pid == 0;

    public override string ToString() =>
        $"{Holder} on {Host} (pid {Pid}) since {Since:yyyy-MM-dd HH:mm:ss}Z: {Reason}";

    static bool ProcessIsAlive(int pid)
    {
        try { return !System.Diagnostics.Process.GetProcessById(pid).HasExited; }
        catch (ArgumentException) { return false; }
    }
}

/// <summary>The environment is locked by someone else; the message names the holder and the way out.</summary>
public sealed class LockHeldException(LockInfo holder) : Exception(
    $"{holder.Environment} is locked by {holder}; wait with --lock-wait <seconds>, or, if that build is gone, ./build.sh Lock --lock-action release --env {holder.Environment} --force")
{
    public LockInfo Holder { get; } = holder;
}

/// <summary>One deploy or rollback at a time per environment: the lock is a never-started container whose name is the
/// environment's, because creating a container with a taken name is atomic on the engine.</summary>
public sealed class EnvironmentLock(IDockerClient docker, TimeSpan staleAfter)
{
    const string Prefix = Deployer.LabelPrefix + "lock.";

    public static string ContainerName(string environment) => $"slipway-lock-{environment}";

    /// <param name="byHand">A person's lock: it outlives this process and is released only by hand.</param>
    public async Task<LockInfo> AcquireAsync(string environment, string holder, string reason, TimeSpan wait, bool byHand = false, CancellationToken ct = default)
    {
        var deadline = DateTimeOffset.UtcNow + wait;
        while (true)
        {
            var mine = new LockInfo(environment, holder, System.Environment.MachineName, byHand ? 0 : System.Environment.ProcessId, DateTimeOffset.UtcNow, reason);
            if (await TryCreateAsync(mine, ct)) return mine;
            var current = await StatusAsync(environment, ct);
            if (current is null) continue; // released between our attempt and the look
            if (current.IsStale(staleAfter, DateTimeOffset.UtcNow))
            {
                Log.Warning("Breaking the stale lock on {Environment} held by {Holder}", environment, current.ToString());
                await RemoveAsync(environment, ct);
                continue;
            }
            if (DateTimeOffset.UtcNow >= deadline) throw new LockHeldException(current);
            Log.Information("Waiting for the lock on {Environment}, held by {Holder}", environment, current.ToString());
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
        }
    }

    /// <summary>Releases the lock when <paramref name="mine"/> still holds it; another holder's lock is left alone.</summary>
    public async Task ReleaseAsync(LockInfo mine, CancellationToken ct = default)
    {
        var current = await StatusAsync(mine.Environment, ct);
        if (current is not null && current.Pid == mine.Pid && current.Host == mine.Host && current.Since == mine.Since)
            await RemoveAsync(mine.Environment, ct);
    }

    /// <summary>Breaks whatever lock there is; only for a person who knows that build is gone.</summary>
    public Task BreakAsync(string environment, CancellationToken ct = default) => RemoveAsync(environment, ct);

    public async Task<LockInfo?> StatusAsync(string environment, CancellationToken ct = default)
    {
        var container = await new ContainerOperations(docker).InspectAsync(ContainerName(environment), ct);
        if (container?.Config?.Labels is not { } containerLabels) return null;
        var labels = containerLabels.AsReadOnly();
        return new LockInfo(environment, labels.GetValueOrDefault(Prefix + "holder", "?"), labels.GetValueOrDefault(Prefix + "host", "?"),
            int.TryParse(labels.GetValueOrDefault(Prefix + "pid"), out var pid) ? pid : 0,
            DateTimeOffset.TryParse(labels.GetValueOrDefault(Prefix + "since"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since) ? since : DateTimeOffset.MinValue,
            labels.GetValueOrDefault(Prefix + "reason", ""));
    }

    async Task<bool> TryCreateAsync(LockInfo info, CancellationToken ct)
    {
        await MarkerImage.EnsureAsync(new ImageOperations(docker), ct);
        try
        {
            await new ContainerOperations(docker).CreateAsync(new ContainerSpec(ContainerName(info.Environment), MarkerImage.Reference.ToString())
            {
                Command = MarkerImage.Command,
                Labels = new Dictionary<string, string>
                {
                    [Prefix + "environment"] = info.Environment, [Prefix + "holder"] = info.Holder, [Prefix + "host"] = info.Host,
                    [Prefix + "pid"] = info.Pid.ToString(CultureInfo.InvariantCulture),
                    [Prefix + "since"] = info.Since.ToString("O", CultureInfo.InvariantCulture), [Prefix + "reason"] = info.Reason,
                },
            }, ct);
            return true;
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    Task RemoveAsync(string environment, CancellationToken ct) => new ContainerOperations(docker).RemoveAsync(ContainerName(environment), ct);
}
