using System.Security.Cryptography;
using System.Text.Json.Serialization;

namespace Slipway.Docker;

/// <summary>A port the container publishes on the host.</summary>
public sealed record PortBindingSpec(string? HostIp, int? HostPort, int ContainerPort, string Protocol = "tcp");

/// <summary>A named volume, bind mount or tmpfs inside the container.</summary>
public sealed record MountSpec(string Type, string? Source, string Target, bool ReadOnly = false);

/// <summary>The engine-side health check (the same fields as a compose healthcheck).</summary>
public sealed record HealthcheckSpec(IReadOnlyList<string> Test, TimeSpan? Interval, TimeSpan? Timeout, int? Retries, TimeSpan? StartPeriod);

/// <summary>A file put into a container after it is created and before it starts (a secret): never part of an image layer or the checkout.</summary>
public sealed record ContainerFile(string Path, [property: JsonIgnore] byte[] Content, UnixFileMode Mode)
{
    /// <summary>What the configuration hash sees instead of the content, so a changed secret changes the hash without being in it.</summary>
    public string ContentHash => Convert.ToHexStringLower(SHA256.HashData(Content));

    public override string ToString() => $"{Path} ({Content.Length} bytes)";
}

/// <summary>Everything needed to create one container; built from a compose service by the deploy layer.</summary>
public sealed record ContainerSpec(string Name, string Image)
{
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string>? Command { get; init; }
    public IReadOnlyList<string>? Entrypoint { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<PortBindingSpec> Ports { get; init; } = [];
    public IReadOnlyList<int> Expose { get; init; } = [];
    public IReadOnlyList<MountSpec> Mounts { get; init; } = [];
    public HealthcheckSpec? Healthcheck { get; init; }
    public bool HealthcheckDisabled { get; init; }
    public string? RestartPolicy { get; init; }
    /// <summary>Network name to its aliases; the first network is the one the container is created on.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Networks { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public string? User { get; init; }
    public string? WorkingDir { get; init; }
    public string? StopSignal { get; init; }
    public TimeSpan? StopGracePeriod { get; init; }
    /// <summary>Files written into the created container, owned by the user it runs as (see <see cref="ContainerFileWriter"/>).</summary>
    public IReadOnlyList<ContainerFile> Files { get; init; } = [];
}
