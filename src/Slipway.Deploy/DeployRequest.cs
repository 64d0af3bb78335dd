using Slipway.Docker;

namespace Slipway.Deploy;

/// <summary>What to deploy where: the environment's compose files and project, the image (by digest) and what it was built from.</summary>
public sealed record DeployRequest(string Environment, string ProjectName, IReadOnlyList<string> ComposeFiles, ImageRef Image, string Commit, string Version)
{
    /// <summary>Values for ${VAR} in the compose files, on top of the process environment; IMAGE is always the image above.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();
    /// <summary>Secret values by variable name (from the secrets file). They fill compose secrets and ${NAME} in `environment:` when
    /// containers are created; the loaded model and the configuration stored with the release keep only ${NAME}.</summary>
    public IReadOnlyDictionary<string, string> Secrets { get; init; } = new Dictionary<string, string>();

    /// <summary>The release this deploy is, written on its containers.</summary>
    public string? ReleaseId { get; init; }

    /// <summary>A release's stored configuration (canonical compose YAML); when set, the compose files are not read.</summary>
    public string? StoredConfig { get; init; }

    /// <summary>Credentials for pulling the image when the engine does not have it yet.</summary>
    public RegistryEndpoint? Registry { get; init; }
    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromMinutes(2);
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Services with published ports go behind the environment's edge (nginx) and are switched blue/green without a gap;
    /// false: they publish their ports themselves and are replaced stop-then-start, with a short gap.</summary>
    public bool UseEdge { get; init; } = true;
    /// <summary>Path a new release must answer with 2xx, over the edge's network, before the edge switches to it.</summary>
    public string HealthPath { get; init; } = "/health";
    /// <summary>Pause between HTTP probes of a new release (the engine's health check has its own interval).</summary>
    public TimeSpan ProbeInterval { get; init; } = TimeSpan.FromMilliseconds(500);
    /// <summary>How long the old release keeps running after the switch, so requests it is serving finish.</summary>
    public TimeSpan DrainTime { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>Stopped releases kept per service for a fast rollback (started again instead of created); older ones are removed.</summary>
    public int KeepStopped { get; init; } = 1;
    /// <summary>The image the edge's nginx is installed on (no public registry is needed).</summary>
    public string EdgeBaseImage { get; init; } = "slipway/debian:bookworm-minbase";
}

/// <summary>Where the deployed environment answers: the first published port of its services, on loopback.</summary>
public sealed record DeployResult(string ProjectName, Uri? PublicUrl, bool Changed);
