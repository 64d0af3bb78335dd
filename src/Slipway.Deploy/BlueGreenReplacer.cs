using ContainerListResponse = Docker.DotNet.Models.ContainerListResponse;
using Serilog;
using Slipway.Deploy.Edge;
using Slipway.Docker;

namespace Slipway.Deploy;

/// <summary>How a release is switched behind the edge: health gates, the drain before the old release stops, how many stopped ones stay.</summary>
public sealed record BlueGreenSettings(TimeSpan HealthTimeout, TimeSpan ProbeInterval, string HealthPath, TimeSpan Drain, TimeSpan StopGrace, int KeepStopped);

/// <summary>Replaces a service behind the edge without a gap: the new release starts beside the old one, turns healthy (the engine's
/// health check, then its health path over the edge's network), the edge switches to it, the old one drains, is stopped and kept for
/// rollback. Until the switch the old release serves; a new release that fails is removed, its last log lines shown.</summary>
public sealed class BlueGreenReplacer(ContainerOperations containers, EdgeProxy edge, BlueGreenSettings settings)
{
    /// <summary>The release container beside the old one: no host port (the edge owns it), named by what it runs, so a rollback to a
    /// retained configuration finds its stopped container again. The config-files label is left out: a rollback reads a stored copy.</summary>
    public static ContainerSpec SideBySide(ContainerSpec spec, string projectName, string service)
    {
        var identity = ServiceContainerMapper.ConfigHash(spec with
        {
            Ports = [], Labels = spec.Labels.Where(l => l.Key != ComposeLabels.ConfigFiles).ToDictionary(),
        });
        return spec with { Name = $"{projectName}-{service}-{identity[..8]}", Ports = [] };
    }

    /// <summary>Returns false when the edge already routes to a running container of exactly this release and configuration.</summary>
    public async Task<bool> ReplaceAsync(ContainerSpec spec, CancellationToken ct = default)
    {
        var service = spec.Labels[ComposeLabels.Service];
        var all = await containers.ListAsync(new Dictionary<string, string>
        {
            [ComposeLabels.Project] = spec.Labels[ComposeLabels.Project], [ComposeLabels.Service] = service,
        }, ct);
        var target = all.FirstOrDefault(c => NameOf(c) == spec.Name);
        var old = all.Where(c => c.State == "running" && NameOf(c) != spec.Name).Select(NameOf).ToList();
        if (target?.State == "running" && edge.Routing.Upstreams.GetValueOrDefault(service) == spec.Name && !edge.PortsPending)
        {
            await new UntilContainerIsHealthy(containers).WaitAsync(target.ID, spec.Name, settings.HealthTimeout, ct);
            await StopAsync(old, ct);
            Log.Information("Service {Service} already runs this release and configuration behind the edge; nothing to do", service);
            return false;
        }

        var migrating = edge.PortsPending;
        var (id, reused) = await StartAsync(spec, target?.ID, ct);
        try
        {
            await new UntilContainerIsHealthy(containers).WaitAsync(id, spec.Name, settings.HealthTimeout, ct);
            await ProbeUntilHealthyAsync(id, spec.Name, service, ct);
            await edge.SwitchAsync(service, spec.Name, settings.HealthPath, c => StopAsync(old, c), ct);
        }
        catch
        {
            // The edge still routes to the old release; the new one goes (a retained one is only stopped again).
            if (reused) await containers.StopAsync(id, settings.StopGrace, CancellationToken.None);
            else await containers.RemoveAsync(id, CancellationToken.None);
            throw;
        }

        if (old.Count > 0 && !migrating)
        {
            Log.Information("Draining {Old} for {Drain} s before stopping it", old, settings.Drain.TotalSeconds);
            await Task.Delay(settings.Drain, ct);
            await StopAsync(old, ct);
        }
        await PruneAsync(all.Where(c => NameOf(c) != spec.Name).ToList(), ct);
        Log.Information("Service {Service} now runs {Image} in {Container} ({Id}){Reused}", service, spec.Image, spec.Name,
            ContainerOperations.ShortId(id), reused ? ", its retained container started again" : "");
        return true;
    }

    async Task<(string Id, bool Reused)> StartAsync(ContainerSpec spec, string? retained, CancellationToken ct)
    {
        if (retained is not null)
        {
            await containers.StartAsync(retained, ct);
            return (retained, true);
        }
        var id = await containers.CreateAsync(spec, ct);
        try { await containers.StartAsync(id, ct); }
        catch { await containers.RemoveAsync(id, CancellationToken.None); throw; }
        return (id, false);
    }

    /// <summary>The health path over the network the edge will use: what the engine's health check cannot see (a wrong port, a
    /// process that answers itself but not the network).</summary>
    async Task ProbeUntilHealthyAsync(string id, string name, string service, CancellationToken ct)
    {
        var port = edge.Spec.Ports.First(p => p.Service == service).TargetPort;
        var deadline = DateTimeOffset.UtcNow + settings.HealthTimeout;
        while (!await edge.ProbeAsync(name, port, settings.HealthPath, ct))
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                var logs = await containers.TailLogsAsync(id, 30, CancellationToken.None);
                if (logs.Length > 0) Log.Error("Last log lines of {Container}:{NewLine}{Logs}", name, Environment.NewLine, logs);
                throw new ContainerNotHealthyException(name, $"did not answer GET {settings.HealthPath} on port {port} within {settings.HealthTimeout.TotalSeconds:0} s");
            }
            await Task.Delay(settings.ProbeInterval, ct);
        }
        Log.Information("{Container} answers {Path} on port {Port} over the edge's network", name, settings.HealthPath, port);
    }

    async Task StopAsync(IReadOnlyList<string> names, CancellationToken ct)
    {
        foreach (var name in names) await containers.StopAsync(name, settings.StopGrace, ct);
        if (names.Count > 0) Log.Information("Stopped {Old}; kept for rollback", names);
    }

    /// <summary>Keeps the newest <see cref="BlueGreenSettings.KeepStopped"/> stopped releases; older ones are removed (their images stay
    /// while their releases are retained, so a rollback creates them again).</summary>
    async Task PruneAsync(IReadOnlyList<ContainerListResponse> others, CancellationToken ct)
    {
        foreach (var container in others.OrderByDescending(c => c.Created).Skip(settings.KeepStopped))
        {
            await containers.RemoveAsync(container.ID, ct);
            Log.Information("Removed {Container}, an older stopped release", NameOf(container));
        }
    }

    static string NameOf(ContainerListResponse container) => container.Names.FirstOrDefault()?.TrimStart('/') ?? container.ID;
}
