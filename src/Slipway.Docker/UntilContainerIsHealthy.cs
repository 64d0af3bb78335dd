using Serilog;

namespace Slipway.Docker;

/// <summary>Waits until a started container reports healthy (or, without a health check, keeps running), failing with its last log lines.</summary>
public sealed class UntilContainerIsHealthy(ContainerOperations containers)
{
    /// <summary>Without a health check a container counts as up once it has kept running this long.</summary>
    public static readonly TimeSpan RunningGrace = TimeSpan.FromSeconds(2);

    /// <summary>How long a restarting container is watched for the moment between runs that shows its exit code.</summary>
    static readonly TimeSpan CrashLoopGrace = TimeSpan.FromSeconds(10);

    public async Task WaitAsync(string id, string name, TimeSpan timeout, CancellationToken ct = default)
    {
        var started = DateTimeOffset.UtcNow;
        var lastStatus = "";
        DateTimeOffset? crashLoopSince = null;
        while (true)
        {
            var container = await containers.InspectAsync(id, ct)
                ?? throw await FailAsync(id, name, "disappeared while starting", ct);
            var state = container.State!;
            var health = state.Health?.Status;
            if (health != lastStatus && health is not null) Log.Information("{Container} is {Health}", name, health);
            lastStatus = health ?? "";
            if (health == "healthy" && state.Running) return;
            // With a restart policy a crashing process comes back again and again; the first exit seen is the verdict.
            if ((!state.Running || state.Restarting) && state.FinishedAt is { Length: > 0 } && !state.FinishedAt.StartsWith("0001"))
                throw await FailAsync(id, name, $"exited with code {state.ExitCode}", ct);
            // Restarted and running again: the engine has reset the exit code, so look again, quickly, until it is between runs.
            if (container.RestartCount > 0)
            {
                crashLoopSince ??= DateTimeOffset.UtcNow;
                if (DateTimeOffset.UtcNow - crashLoopSince > CrashLoopGrace)
                    throw await FailAsync(id, name, $"keeps exiting (restarted {container.RestartCount} times)", ct);
                await Task.Delay(TimeSpan.FromMilliseconds(20), ct);
                continue;
            }
            if (health == "unhealthy") throw await FailAsync(id, name, "turned unhealthy", ct);
            if (health is null && DateTimeOffset.UtcNow - started >= RunningGrace) return;
            if (DateTimeOffset.UtcNow - started > timeout)
                throw await FailAsync(id, name, $"did not turn healthy within {timeout.TotalSeconds:0} s (last status: {health ?? "running"})", ct);
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }
    }

    async Task<ContainerNotHealthyException> FailAsync(string id, string name, string what, CancellationToken ct)
    {
        var logs = "";
        try { logs = await containers.TailLogsAsync(id, 30, ct); } catch (Exception e) { logs = $"(no logs: {e.Message})"; }
        if (logs.Length > 0) Log.Error("Last log lines of {Container}:{NewLine}{Logs}", name, Environment.NewLine, logs);
        return new ContainerNotHealthyException(name, what);
    }
}

/// <summary>A container did not become healthy; its last log lines were written to the build log.</summary>
public sealed class ContainerNotHealthyException(string container, string what)
    : Exception($"container {container} {what}; its last log lines are above");
