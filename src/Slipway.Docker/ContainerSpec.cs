namespace Slipway.Docker;

/// <summary>A port the container publishes on the host.</summary>
public sealed record PortBindingSpec(string? HostIp, int? HostPort, int ContainerPort, string Protocol = "tcp");

/// <summary>A named volume, bind mount or tmpfs inside the container.</summary>
public sealed record MountSpec(string Type, string? Source, string Target, bool ReadOnly = false);

/// <summary>The engine-side health check (the same fields as a compose healthcheck).</summary>
public sealed record HealthcheckSpec(IReadOnlyList<string> Test, TimeSpan? Interval, TimeSpan? Timeout, int? Retries, TimeSpan? StartPeriod);

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
}
