using System.Text;
using Docker.DotNet;
using Serilog;
using Slipway.Docker;

namespace Slipway.Deploy.Edge;

/// <summary>An environment's edge: an nginx container that owns the environment's public ports and proxies to the live release
/// container of each service, by container name on the environment's network. Switching is a graceful reload: no gap.</summary>
public sealed partial class EdgeProxy(IDockerClient docker, EdgeSpec spec)
{
    static readonly TimeSpan SwitchTimeout = TimeSpan.FromSeconds(15);
    const UnixFileMode ReadableByAll = (UnixFileMode)0b110_100_100;
    readonly ContainerOperations _containers = new(docker);
    readonly ContainerExec _exec = new(docker);
    EdgeRouting _routing = new(spec.Ports, new Dictionary<string, string>());

    public EdgeSpec Spec => spec;

    /// <summary>What the edge routes now.</summary>
    public EdgeRouting Routing => _routing;

    /// <summary>True while a container deployed before the edge still publishes the ports itself; the first switch moves them.</summary>
    public bool PortsPending { get; private set; }

    /// <summary>Makes sure the edge runs with the right image, ports and networks, before any release changes: a stopped edge is started,
    /// a missing one created routing to <paramref name="live"/> (service to its running container).</summary>
    public async Task EnsureAsync(IReadOnlyDictionary<string, string> live, CancellationToken ct = default)
    {
        var image = await new EdgeImage(new ImageOperations(docker)).EnsureAsync(spec.BaseImage, ct);
        var existing = await _containers.InspectAsync(spec.ContainerName, ct);
        var wanted = spec.Container(image, publish: true);
        if (existing is not null && existing.Config?.Image == wanted.Image
            && existing.Config.Labels?.TryGetValue(EdgeSpec.PortsLabel, out var ports) == true && ports == wanted.Labels[EdgeSpec.PortsLabel]
            && spec.Networks.All(n => existing.NetworkSettings?.Networks?.ContainsKey(n) == true))
        {
            if (existing.State?.Running != true)
            {
                Log.Warning("The edge {Edge} was stopped; starting it before anything changes", spec.ContainerName);
                await _containers.StartAsync(existing.ID, ct);
            }
            _routing = _routing with { Upstreams = await CurrentUpstreamsAsync(existing.ID, live, ct) };
            await ApplyAsync(existing.ID, _routing, ct);
            return;
        }
        if (existing is not null)
        {
            Log.Warning("The edge {Edge} has another image, ports or networks; recreating it: its ports do not answer for about a second",
                spec.ContainerName);
            await _containers.StopAsync(existing.ID, TimeSpan.FromSeconds(10), ct);
            await _containers.RemoveAsync(existing.ID, ct);
        }
        var holders = await PortHoldersAsync(ct);
        PortsPending = holders.Count > 0;
        if (PortsPending)
            Log.Warning("{Containers} publish the ports themselves (deployed before the edge); the first switch moves the ports to the edge, with a gap of about a second, once",
                holders);
        _routing = _routing with { Upstreams = live };
        await CreateAsync(image, publish: !PortsPending, ct);
    }

    /// <summary>Routes <paramref name="service"/> to <paramref name="container"/>: new routes written, checked with nginx -t, a graceful
    /// reload, and confirmed (the new generation answers and the container answers <paramref name="healthPath"/> through the edge's port).</summary>
    /// <param name="releasePorts">Stops the containers deployed before the edge; called only when they still hold the ports.</param>
    public async Task SwitchAsync(string service, string container, string healthPath, Func<CancellationToken, Task> releasePorts, CancellationToken ct = default)
    {
        var next = _routing.With(service, container);
        if (PortsPending)
        {
            await releasePorts(ct);
            var existing = await _containers.InspectAsync(spec.ContainerName, ct);
            if (existing is not null) await _containers.RemoveAsync(existing.ID, ct);
            _routing = next;
            await CreateAsync(ImageRef.Parse(existing?.Config?.Image ?? EdgeImage.Tag(spec.BaseImage).ToString()), publish: true, ct);
            PortsPending = false;
        }
        else
        {
            var previous = _routing;
            await ApplyAsync(spec.ContainerName, next, ct);
            _routing = next;
            if (!await AnswersThroughPortAsync(service, healthPath, ct))
            {
                Log.Error("{Container} does not answer {Path} through the edge; switching back", container, healthPath);
                await ApplyAsync(spec.ContainerName, previous, CancellationToken.None);
                _routing = previous;
                throw new EdgeException($"after the switch, {container} did not answer {healthPath} through the edge {spec.ContainerName}; the edge routes to the previous release again");
            }
        }
        Log.Information("The edge routes {Service} to {Container} (generation {Generation})", service, container, _routing.Generation);
    }

    async Task CreateAsync(ImageRef image, bool publish, CancellationToken ct)
    {
        var id = await _containers.CreateAsync(spec.Container(image, publish) with
        {
            Files =
            [
                new ContainerFile(EdgeImage.RoutesPath, Encoding.UTF8.GetBytes(EdgeConfig.Render(_routing)), ReadableByAll),
                new ContainerFile(EdgeImage.FrontPath, Encoding.UTF8.GetBytes(EdgeImage.FrontConf(spec.Ports)), ReadableByAll),
            ],
        }, ct);
        await _containers.StartAsync(id, ct);
        await WaitForGenerationAsync(id, _routing.Generation, ct);
        Log.Information("Started the edge {Edge} ({Id}) on {Ports}", spec.ContainerName, ContainerOperations.ShortId(id),
            publish ? _routing.PortsKey : "no ports yet");
    }

    /// <summary>Writes the routes, has nginx check them, reloads gracefully (old workers finish their requests) and waits until the
    /// new generation answers; a refused configuration is put back and nothing changed.</summary>
    async Task ApplyAsync(string edge, EdgeRouting routing, CancellationToken ct)
    {
        var before = await _exec.RunAsync(edge, ["cat", EdgeImage.RoutesPath], ct);
        await WriteRoutesAsync(edge, EdgeConfig.Render(routing), ct);
        var check = await _exec.RunAsync(edge, ["nginx", "-t", "-q"], ct);
        if (!check.Succeeded)
        {
            if (before.Succeeded) await WriteRoutesAsync(edge, before.StandardOutput, CancellationToken.None);
            throw new EdgeException($"the edge {spec.ContainerName} refused the new routes ({check.Problem}); it still routes as before");
        }
        if (await GenerationAsync(edge, ct) == routing.Generation) return;
        var reload = await _exec.RunAsync(edge, ["nginx", "-s", "reload"], ct);
        if (!reload.Succeeded) throw new EdgeException($"the edge {spec.ContainerName} did not reload: {reload.Problem}");
        await WaitForGenerationAsync(edge, routing.Generation, ct);
        await WaitForOldWorkersAsync(edge, ct);
    }

    /// <summary>A worker of the old routes may still accept a connection for a moment after the new generation answers; the switch is
    /// done only when every such worker has finished ("shutting down" in its process title; the pattern is written so it does not match this grep itself), so nothing reaches the old routes later.</summary>
    async Task WaitForOldWorkersAsync(string edge, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + SwitchTimeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var count = await _exec.RunAsync(edge, ["bash", "-c", "grep -ls 'shutting[ ]down' /proc/[0-9]*/cmdline 2>/dev/null | wc -l"], ct);
            if (count.Succeeded && count.StandardOutput.Trim() == "0") return;
            await Task.Delay(50, ct);
        }
        Log.Warning("Workers of the edge's previous routes are still finishing requests after {Seconds} s; going on", SwitchTimeout.TotalSeconds);
    }

    Task WriteRoutesAsync(string edge, string text, CancellationToken ct) =>
        new ContainerFileWriter(docker).PutAsync(edge, [new ContainerFile(EdgeImage.RoutesPath, Encoding.UTF8.GetBytes(text), ReadableByAll)], ct);

    async Task WaitForGenerationAsync(string edge, string generation, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + SwitchTimeout;
        string? seen = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var state = await _containers.InspectAsync(edge, ct);
            if (state?.State?.Running != true) break;
            if ((seen = await GenerationAsync(edge, ct)) == generation) return;
            await Task.Delay(100, ct);
        }
        var logs = await _containers.TailLogsAsync(edge, 20, CancellationToken.None);
        if (logs.Length > 0) Log.Error("Last log lines of {Edge}:{NewLine}{Logs}", spec.ContainerName, Environment.NewLine, logs);
        throw new EdgeException($"the edge {spec.ContainerName} did not take routes {generation} within {SwitchTimeout.TotalSeconds:0} s (it answers {seen ?? "nothing"}); its log is above");
    }

    async Task<string?> GenerationAsync(string edge, CancellationToken ct)
    {
        var result = await _exec.RunAsync(edge, HttpGet("127.0.0.1", EdgeImage.StatusPort, "/", body: true), ct);
        return result.Succeeded ? result.StandardOutput.Trim().Split('\n')[^1].Trim() : null;
    }

    /// <summary>The upstreams the edge's routes name, where those containers still run; otherwise <paramref name="live"/>.</summary>
    async Task<IReadOnlyDictionary<string, string>> CurrentUpstreamsAsync(string edge, IReadOnlyDictionary<string, string> live, CancellationToken ct)
    {
        var file = await _exec.RunAsync(edge, ["cat", EdgeImage.RoutesPath], ct);
        var upstreams = new Dictionary<string, string>(live);
        foreach (var (service, container) in EdgeConfig.Upstreams(file.StandardOutput))
            if ((await _containers.InspectAsync(container, ct))?.State?.Running == true) upstreams[service] = container;
        return upstreams;
    }

    async Task<IReadOnlyList<string>> PortHoldersAsync(CancellationToken ct)
    {
        var ports = spec.Ports.Select(p => p.PublishedPort.ToString()).ToHashSet();
        var project = await _containers.ListAsync(new Dictionary<string, string> { [ComposeLabels.Project] = spec.ProjectName }, ct);
        return project.Where(c => c.State == "running" && !EdgeSpec.IsEdge(c.Labels) && c.Ports?.Any(p => ports.Contains(p.PublicPort.ToString() ?? "")) == true)
            .Select(c => c.Names.First().TrimStart('/')).ToList();
    }
}
