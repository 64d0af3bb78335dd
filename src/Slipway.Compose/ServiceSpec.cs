using System.Collections.ObjectModel;

namespace Slipway.Compose;

/// <summary>One service of a compose project after interpolation, validation and merging.</summary>
public sealed record ServiceSpec
{
    public required string Name { get; init; }

    public required string Image { get; init; }

    /// <summary>Fixed container name, or null to let the pipeline name containers.</summary>
    public string? ContainerName { get; init; }

    /// <summary>Replaces the image's CMD; null keeps the image's, empty clears it.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>Replaces the image's ENTRYPOINT; null keeps the image's, empty clears it.</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    public IReadOnlyList<PortMapping> Ports { get; init; } = [];

    public IReadOnlyList<ExposedPort> Expose { get; init; } = [];

    public IReadOnlyList<VolumeMount> Volumes { get; init; } = [];

    public HealthcheckSpec? Healthcheck { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    public RestartPolicy? Restart { get; init; }

    /// <summary>Services that start first, with the state each must reach.</summary>
    public IReadOnlyDictionary<string, DependencyCondition> DependsOn { get; init; } = ReadOnlyDictionary<string, DependencyCondition>.Empty;

    /// <summary>Networks joined, by key under the top-level networks (<c>default</c> needs no declaration); empty means the default network.</summary>
    public IReadOnlyDictionary<string, NetworkAttachment> Networks { get; init; } = ReadOnlyDictionary<string, NetworkAttachment>.Empty;

    public string? User { get; init; }

    public string? WorkingDir { get; init; }

    public TimeSpan? StopGracePeriod { get; init; }

    public string? StopSignal { get; init; }

    public IReadOnlyList<ServiceSecret> Secrets { get; init; } = [];

    /// <summary>Number of containers to run; compose's default is 1.</summary>
    public int Replicas { get; init; } = 1;
}
