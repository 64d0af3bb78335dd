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
}

/// <summary>Where the deployed environment answers: the first published port of its services, on loopback.</summary>
public sealed record DeployResult(string ProjectName, Uri? PublicUrl, bool Changed);
