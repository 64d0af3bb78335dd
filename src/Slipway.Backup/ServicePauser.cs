using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;
using Serilog;
using Slipway.Docker;

namespace Slipway.Backup;

/// <summary>For each volume in reading order: the containers to pause before reading it and to unpause right after it.</summary>
internal sealed record PauseStep(string Volume, IReadOnlyList<string> PauseBefore, IReadOnlyList<string> UnpauseAfter);

/// <summary>Plans pause windows: a container is paused from the first to the last of its volumes, no longer; pure.</summary>
internal static class PausePlan
{
    public static IReadOnlyList<PauseStep> For(IReadOnlyList<(string Volume, IReadOnlyList<string> Containers)> mounts)
    {
        var lastUse = new Dictionary<string, int>();
        for (var i = 0; i < mounts.Count; i++)
            foreach (var container in mounts[i].Containers) lastUse[container] = i;
        var paused = new HashSet<string>();
        return mounts.Select((m, i) => new PauseStep(m.Volume,
            m.Containers.Where(paused.Add).ToList(),
            lastUse.Where(l => l.Value == i).Select(l => l.Key).Order(StringComparer.Ordinal).ToList())).ToList();
    }
}

/// <summary>Pauses and unpauses containers through the Engine API; whatever it paused is unpaused on dispose, also after a failure.</summary>
internal sealed class ServicePauser(IDockerClient docker) : IAsyncDisposable
{
    readonly HashSet<string> _paused = [];
    readonly Stopwatch _pausedFor = new();

    public TimeSpan PausedFor => _pausedFor.Elapsed;

    /// <summary>The running containers that mount the volume; paused or stopped ones are left as they are.</summary>
    public async Task<IReadOnlyList<string>> RunningMountersAsync(string volume, CancellationToken ct) =>
        (await RunningMountersAsync(docker, volume, ct)).Select(c => c.ID).ToList();

    internal static async Task<IList<ContainerListResponse>> RunningMountersAsync(IDockerClient docker, string volume, CancellationToken ct) =>
        await docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["volume"] = new Dictionary<string, bool> { [volume] = true },
                ["status"] = new Dictionary<string, bool> { ["running"] = true },
            },
        }, ct);

    public async Task PauseAsync(IReadOnlyList<string> containers, CancellationToken ct)
    {
        foreach (var id in containers)
        {
            try { await docker.Containers.PauseContainerAsync(id, ct); }
            catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict)
            {
                Log.Warning("Container {Id} stopped before it could be paused: {Problem}", ContainerOperations.ShortId(id), e.Message);
                continue;
            }
            _paused.Add(id);
            _pausedFor.Start();
            Log.Information("Paused container {Id} while its volumes are read", ContainerOperations.ShortId(id));
        }
    }

    /// <summary>Never cancelled: a paused service must not stay paused because the backup was.</summary>
    public async Task UnpauseAsync(IEnumerable<string> containers)
    {
        foreach (var id in containers.Where(_paused.Contains).ToList())
        {
            try
            {
                await docker.Containers.UnpauseContainerAsync(id, CancellationToken.None);
                Log.Information("Unpaused container {Id}", ContainerOperations.ShortId(id));
            }
            catch (DockerApiException e)
            {
                Log.Error("Could not unpause container {Id}: {Problem}; unpause it by hand (docker unpause)", ContainerOperations.ShortId(id), e.Message);
            }
            _paused.Remove(id);
        }
        if (_paused.Count == 0) _pausedFor.Stop();
    }

    public async ValueTask DisposeAsync() => await UnpauseAsync(_paused.ToList());
}
