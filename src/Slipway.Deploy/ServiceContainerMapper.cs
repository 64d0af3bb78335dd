using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Slipway.Compose;
using Slipway.Docker;

namespace Slipway.Deploy;

/// <summary>Turns one compose service into the container spec the engine gets, with compose's names and labels; pure.</summary>
public static class ServiceContainerMapper
{
    public const string DefaultNetworkKey = "default";

    public static string ContainerName(ComposeProject project, ServiceSpec service, int number) =>
        service.ContainerName ?? $"{project.Name}-{service.Name}-{number}";

    public static string NetworkName(ComposeProject project, string key) =>
        project.Networks.TryGetValue(key, out var network) ? network.Name : $"{project.Name}_{key}";

    /// <summary>With <paramref name="secrets"/>, the container gets the resolved environment and the secret files; without, the model's environment.</summary>
    public static ContainerSpec Map(ComposeProject project, ServiceSpec service, int number, IReadOnlyDictionary<string, string> extraLabels,
        ServiceSecrets? secrets = null)
    {
        var spec = new ContainerSpec(ContainerName(project, service, number), service.Image)
        {
            Environment = secrets?.Environment ?? service.Environment,
            Files = secrets?.Files ?? [],
            Command = service.Command,
            Entrypoint = service.Entrypoint,
            Ports = service.Ports.Select(p => new PortBindingSpec(p.HostIp, p.PublishedPort, p.TargetPort, Protocol(p.Protocol))).ToList(),
            Expose = service.Expose.Select(e => e.Port).ToList(),
            Mounts = service.Volumes.Select(v => Mount(project, v)).ToList(),
            Healthcheck = service.Healthcheck is { Disabled: false, Test: not null } h
                ? new Docker.HealthcheckSpec(h.Test, h.Interval, h.Timeout, h.Retries, h.StartPeriod)
                : null,
            HealthcheckDisabled = service.Healthcheck?.Disabled ?? false,
            RestartPolicy = service.Restart?.ToString(),
            Networks = Networks(project, service),
            User = service.User,
            WorkingDir = service.WorkingDir,
            StopSignal = service.StopSignal,
            StopGracePeriod = service.StopGracePeriod,
        };
        var labels = new Dictionary<string, string>(service.Labels);
        foreach (var (key, value) in extraLabels) labels[key] = value;
        labels[ComposeLabels.Project] = project.Name;
        labels[ComposeLabels.Service] = service.Name;
        labels[ComposeLabels.ContainerNumber] = number.ToString();
        labels[ComposeLabels.OneOff] = "False";
        labels[ComposeLabels.ConfigFiles] = string.Join(",", project.SourceFiles.Select(Path.GetFullPath));
        labels[ComposeLabels.ConfigHash] = ConfigHash(spec with { Labels = labels });
        return spec with { Labels = labels };
    }

    /// <summary>Hash of everything that shapes the container; equal hashes mean the running container is already what was asked for.</summary>
    public static string ConfigHash(ContainerSpec spec)
    {
        var withoutHash = spec.Labels.Where(l => l.Key != ComposeLabels.ConfigHash).OrderBy(l => l.Key, StringComparer.Ordinal).ToList();
        var json = JsonSerializer.Serialize(spec with { Labels = withoutHash.ToDictionary() });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }

    static string Protocol(PortProtocol protocol) => protocol == PortProtocol.Udp ? "udp" : "tcp";

    static MountSpec Mount(ComposeProject project, VolumeMount volume) => volume.Type switch
    {
        MountType.Volume => new MountSpec("volume", volume.Source is { } key && project.Volumes.TryGetValue(key, out var v) ? v.Name : volume.Source, volume.Target, volume.ReadOnly),
        MountType.Bind => new MountSpec("bind", volume.Source, volume.Target, volume.ReadOnly),
        _ => new MountSpec("tmpfs", null, volume.Target, volume.ReadOnly),
    };

    static IReadOnlyDictionary<string, IReadOnlyList<string>> Networks(ComposeProject project, ServiceSpec service)
    {
        var attachments = service.Networks.Count > 0
            ? service.Networks
            : new Dictionary<string, NetworkAttachment> { [DefaultNetworkKey] = new([]) };
        // Compose makes every service reachable by its service name on each of its networks.
        return attachments.ToDictionary(
            a => NetworkName(project, a.Key),
            a => (IReadOnlyList<string>)a.Value.Aliases.Prepend(service.Name).Distinct().ToList());
    }
}
