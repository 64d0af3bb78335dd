using Slipway.Compose;
using Slipway.Docker;

namespace Slipway.Deploy.Edge;

/// <summary>Where an environment's edge runs: its project, the ports it owns, the networks it shares with the services behind it.</summary>
public sealed record EdgeSpec(string ProjectName, IReadOnlyList<EdgePort> Ports, IReadOnlyList<string> Networks, string BaseImage)
{
    public const string ServiceLabel = "slipway-edge";
    public const string RoleLabel = Deployer.LabelPrefix + "role";
    public const string PortsLabel = Deployer.LabelPrefix + "edge.ports";

    public string ContainerName => $"{ProjectName}-edge";

    /// <summary>The edge of <paramref name="project"/>: every published port, on the networks of the services that publish them;
    /// null when nothing is published. Each environment is its own project and network, so two edges never reach each other's releases.</summary>
    public static EdgeSpec? For(ComposeProject project, string baseImage)
    {
        var ports = EdgeConfig.PortsOf(project);
        if (ports.Count == 0) return null;
        var networks = ports.Select(p => project.Services[p.Service]).Distinct()
            .SelectMany(s => s.Networks.Count > 0 ? s.Networks.Keys : [ServiceContainerMapper.DefaultNetworkKey])
            .Select(key => ServiceContainerMapper.NetworkName(project, key)).Distinct().ToList();
        return new EdgeSpec(project.Name, ports, networks, baseImage);
    }

    /// <summary>The container the edge runs in; <paramref name="publish"/> false while a container from before the edge still holds the ports.</summary>
    public ContainerSpec Container(ImageRef image, bool publish) => new(ContainerName, image.ToString())
    {
        Labels = new Dictionary<string, string>
        {
            [ComposeLabels.Project] = ProjectName,
            [ComposeLabels.Service] = ServiceLabel,
            [ComposeLabels.ContainerNumber] = "1",
            [ComposeLabels.OneOff] = "False",
            [RoleLabel] = "edge",
            [PortsLabel] = publish ? new EdgeRouting(Ports, new Dictionary<string, string>()).PortsKey : "",
        },
        Ports = publish ? Ports.Select(p => new PortBindingSpec(p.HostIp, p.PublishedPort, p.PublishedPort)).ToList() : [],
        Networks = Networks.ToDictionary(n => n, _ => (IReadOnlyList<string>)[]),
        RestartPolicy = "unless-stopped",
        StopGracePeriod = TimeSpan.FromSeconds(10),
    };

    /// <summary>True for the edge's own container, which deploys must never treat as a release.</summary>
    public static bool IsEdge(IDictionary<string, string> labels) => labels.TryGetValue(RoleLabel, out var role) && role == "edge";
}
