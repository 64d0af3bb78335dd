namespace Slipway.Compose.Reading;

/// <summary>What one compose file says, before merging; null or empty means "not said here".</summary>
internal sealed class FileDraft(string file)
{
    public string File => file;

    public Placed<string>? Name { get; set; }

    public OrderedDictionary<string, ServiceDraft> Services { get; } = new(StringComparer.Ordinal);

    public OrderedDictionary<string, VolumeDraft> Volumes { get; } = new(StringComparer.Ordinal);

    public OrderedDictionary<string, NetworkDraft> Networks { get; } = new(StringComparer.Ordinal);

    public OrderedDictionary<string, SecretSpec> Secrets { get; } = new(StringComparer.Ordinal);
}

internal sealed record VolumeDraft(string? Name, string? Driver, IReadOnlyDictionary<string, string> Labels, bool? External);

internal sealed record NetworkDraft(string? Name, string? Driver, bool? Internal, IReadOnlyDictionary<string, string> Labels, bool? External);

internal sealed class HealthcheckDraft
{
    public IReadOnlyList<string>? Test { get; set; }
    public TimeSpan? Interval { get; set; }
    public TimeSpan? Timeout { get; set; }
    public int? Retries { get; set; }
    public TimeSpan? StartPeriod { get; set; }
    public bool? Disable { get; set; }
}

/// <summary>One file's view of a service; references keep their place for checks made after merging.</summary>
internal sealed class ServiceDraft(string name, Place declared)
{
    public string Name => name;
    public Place Declared => declared;
    public string? Image { get; set; }
    public Placed<string>? ContainerName { get; set; }
    public IReadOnlyList<string>? Command { get; set; }
    public IReadOnlyList<string>? Entrypoint { get; set; }
    public OrderedDictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);
    public List<PortMapping> Ports { get; } = [];
    public List<ExposedPort> Expose { get; } = [];
    public List<Placed<VolumeMount>> Volumes { get; } = [];
    public HealthcheckDraft? Healthcheck { get; set; }
    public OrderedDictionary<string, string> Labels { get; } = new(StringComparer.Ordinal);
    public RestartPolicy? Restart { get; set; }
    public OrderedDictionary<string, Placed<DependencyCondition>> DependsOn { get; } = new(StringComparer.Ordinal);
    public OrderedDictionary<string, Placed<NetworkAttachment>> Networks { get; } = new(StringComparer.Ordinal);
    public string? User { get; set; }
    public string? WorkingDir { get; set; }
    public TimeSpan? StopGracePeriod { get; set; }
    public string? StopSignal { get; set; }
    public OrderedDictionary<string, Placed<ServiceSecret>> Secrets { get; } = new(StringComparer.Ordinal);
    public Placed<int>? Replicas { get; set; }
}
