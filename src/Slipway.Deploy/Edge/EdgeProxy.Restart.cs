using System.Diagnostics;
using Serilog;
using Slipway.Docker;

namespace Slipway.Deploy.Edge;

/// <summary>How the edge is restarted: a reload keeps its ports open; a recreate (new image, new ports) closes them for a moment.</summary>
public enum EdgeRestartMode { Reload, Recreate }

/// <summary>What a restart of the edge did, and whether clients saw a gap.</summary>
public sealed record EdgeRestartResult(EdgeRestartMode Mode, bool CausedGap, TimeSpan Took, string Image)
{
    public override string ToString() => CausedGap
        ? $"recreated the edge on {Image}: its ports did not answer for up to {Took.TotalMilliseconds:0} ms (a gap)"
        : $"reloaded the edge on {Image} in {Took.TotalMilliseconds:0} ms: graceful, no gap";
}

public sealed partial class EdgeProxy
{
    /// <summary>Reload: nginx re-reads its routes, old workers finish their requests; no gap. Recreate: stop, create and start the
    /// container (new image or settings); its ports do not answer in between, a gap of about a second.</summary>
    public async Task<EdgeRestartResult> RestartAsync(EdgeRestartMode mode, CancellationToken ct = default)
    {
        var existing = await _containers.InspectAsync(spec.ContainerName, ct)
            ?? throw new EdgeException($"{spec.ProjectName} has no edge ({spec.ContainerName}); deploy the environment first");
        _routing = _routing with { Upstreams = await CurrentUpstreamsAsync(existing.ID, new Dictionary<string, string>(), ct) };
        var clock = Stopwatch.StartNew();
        if (mode == EdgeRestartMode.Reload && existing.State?.Running == true)
        {
            var reload = await _exec.RunAsync(existing.ID, ["nginx", "-s", "reload"], ct);
            if (!reload.Succeeded) throw new EdgeException($"the edge {spec.ContainerName} did not reload: {reload.Problem}");
            await ApplyAsync(existing.ID, _routing, ct);
            return Report(new EdgeRestartResult(mode, CausedGap: false, clock.Elapsed, existing.Config?.Image ?? ""));
        }
        var image = await new EdgeImage(new ImageOperations(docker)).EnsureAsync(spec.BaseImage, ct);
        clock.Restart();
        await _containers.StopAsync(existing.ID, TimeSpan.FromSeconds(10), ct);
        await _containers.RemoveAsync(existing.ID, ct);
        await CreateAsync(image, publish: true, ct);
        return Report(new EdgeRestartResult(EdgeRestartMode.Recreate, CausedGap: true, clock.Elapsed, image.ToString()));
    }

    /// <summary>Moves the edge to the current edge image: nothing to do (a reload, no gap) when it already runs it, else a recreate (a gap).</summary>
    public async Task<EdgeRestartResult> UpgradeAsync(CancellationToken ct = default)
    {
        var image = await new EdgeImage(new ImageOperations(docker)).EnsureAsync(spec.BaseImage, ct);
        var existing = await _containers.InspectAsync(spec.ContainerName, ct);
        return await RestartAsync(existing?.Config?.Image == image.ToString() ? EdgeRestartMode.Reload : EdgeRestartMode.Recreate, ct);
    }

    static EdgeRestartResult Report(EdgeRestartResult result)
    {
        if (result.CausedGap) Log.Warning("{Result}", result.ToString());
        else Log.Information("{Result}", result.ToString());
        return result;
    }

    /// <summary>GET <paramref name="path"/> of <paramref name="container"/> from inside the edge, over the network the edge will use:
    /// true on a 2xx. The edge image has bash but no curl, so the request goes through bash's /dev/tcp.</summary>
    public async Task<bool> ProbeAsync(string container, int port, string path, CancellationToken ct = default) =>
        IsSuccess(await _exec.RunAsync(spec.ContainerName, HttpGet(container, port, path, body: false), ct));

    /// <summary>The service answers through the edge's own listening port, as clients reach it.</summary>
    async Task<bool> AnswersThroughPortAsync(string service, string path, CancellationToken ct)
    {
        foreach (var port in spec.Ports.Where(p => p.Service == service))
            if (!IsSuccess(await _exec.RunAsync(spec.ContainerName, HttpGet("127.0.0.1", port.PublishedPort, path, body: false), ct))) return false;
        return true;
    }

    static bool IsSuccess(ExecResult result) =>
        result.Succeeded && result.StandardOutput.Split('\n')[0].Split(' ') is [_, { Length: 3 } status, ..] && status[0] == '2';

    /// <summary>An HTTP/1.0 GET through bash's /dev/tcp, bounded by timeout(1); prints the status line, or the whole answer.</summary>
    static IReadOnlyList<string> HttpGet(string host, int port, string path, bool body) =>
    [
        "timeout", "3", "bash", "-c",
        "exec 3<>/dev/tcp/$0/$1 && printf 'GET %s HTTP/1.0\\r\\nHost: %s\\r\\n\\r\\n' \"$2\" \"$0\" >&3 && " + (body ? "cat <&3" : "head -n 1 <&3"),
        host, port.ToString(), path,
    ];
}
