using System.Security.Cryptography;
using System.Text;
using Slipway.Compose;

namespace Slipway.Deploy.Edge;

/// <summary>A port the edge owns on the host (<see cref="HostIp"/>:<see cref="PublishedPort"/>) and the service port behind it.</summary>
public sealed record EdgePort(string Service, string? HostIp, int PublishedPort, int TargetPort)
{
    public override string ToString() => $"{(HostIp is { Length: > 0 } ip ? ip + ":" : "")}{PublishedPort}->{Service}:{TargetPort}";
}

/// <summary>What the edge routes: its ports and, per service, the container serving it now (none yet: that port answers 503).</summary>
public sealed record EdgeRouting(IReadOnlyList<EdgePort> Ports, IReadOnlyDictionary<string, string> Upstreams)
{
    public EdgeRouting With(string service, string container) =>
        this with { Upstreams = new Dictionary<string, string>(Upstreams) { [service] = container } };

    /// <summary>Changes whenever the routes do; the edge answers it on its status port, which shows a reload took effect.</summary>
    public string Generation => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Join(";", Ports.Select(p => p.ToString())) + "|" + string.Join(";", Upstreams.OrderBy(u => u.Key, StringComparer.Ordinal)))))[..12];

    /// <summary>The ports as they are published, for the edge container's label: a different set means the edge must be recreated.</summary>
    public string PortsKey => string.Join(",", Ports.Select(p => p.ToString()));
}

/// <summary>Renders the edge's routes (one back server per published port, on the socket the front forwards that port to; one
/// keep-alive upstream per service port) and reads the upstreams back from a rendered file; pure.</summary>
public static class EdgeConfig
{
    const string UpstreamComment = "# upstream ";

    /// <summary>The ports the edge owns for <paramref name="project"/>: every published TCP port of its services.</summary>
    public static IReadOnlyList<EdgePort> PortsOf(ComposeProject project)
    {
        var ports = new List<EdgePort>();
        foreach (var service in project.Services.Values)
        foreach (var port in service.Ports)
        {
            var where = $"service {service.Name} port {port.TargetPort}";
            if (port.Protocol == PortProtocol.Udp)
                throw new EdgeException($"{where} is UDP; the edge proxies HTTP only: deploy this environment without the edge (UseEdge false)");
            if (port.PublishedPort is not { } published)
                throw new EdgeException($"{where} has no host port; the edge needs a fixed one (\"8000:{port.TargetPort}\")");
            if (published == EdgeImage.StatusPort)
                throw new EdgeException($"{where}: host port {published} is the edge's own status port; choose another");
            if (ports.Any(p => p.PublishedPort == published))
                throw new EdgeException($"{where}: host port {published} is published twice; the edge listens on each host port once");
            ports.Add(new EdgePort(service.Name, port.HostIp, published, port.TargetPort));
        }
        return ports;
    }

    public static string Render(EdgeRouting routing)
    {
        var text = new StringBuilder($"# Written by slipway; generation {routing.Generation}. Replaced on every switch, never edit.\n");
        foreach (var (service, container) in routing.Upstreams.OrderBy(u => u.Key, StringComparer.Ordinal))
            text.Append($"{UpstreamComment}{service}={container}\n");
        foreach (var group in routing.Ports.GroupBy(p => (p.Service, p.TargetPort)))
        {
            if (!routing.Upstreams.TryGetValue(group.Key.Service, out var container)) continue;
            // max_fails=0: a single server is never marked down, so a blip never turns into seconds of 502s.
            text.Append($"upstream {UpstreamName(group.Key.Service, group.Key.TargetPort)} {{ server {container}:{group.Key.TargetPort} max_fails=0; keepalive 64; }}\n");
        }
        foreach (var port in routing.Ports)
        {
            var target = routing.Upstreams.ContainsKey(port.Service)
                ? $"location / {{ proxy_pass http://{UpstreamName(port.Service, port.TargetPort)}; }}"
                : $"location / {{ return 503 \"{port.Service} has no release yet\\n\"; }}";
            text.Append($"server {{ listen unix:{EdgeImage.SocketOf(port)}; {target} }}\n");
        }
        text.Append($"server {{ listen 127.0.0.1:{EdgeImage.StatusPort}; location / {{ return 200 \"{routing.Generation}\\n\"; }} }}\n");
        return text.ToString();
    }

    /// <summary>Service to container, as <see cref="Render"/> wrote them.</summary>
    public static IReadOnlyDictionary<string, string> Upstreams(string rendered) => rendered.Split('\n')
        .Where(l => l.StartsWith(UpstreamComment, StringComparison.Ordinal))
        .Select(l => l[UpstreamComment.Length..].Split('=', 2))
        .Where(p => p.Length == 2)
        .ToDictionary(p => p[0], p => p[1].Trim());

    static string UpstreamName(string service, int port) => $"{service.Replace('-', '_').Replace('.', '_')}_{port}";
}
