using Slipway.Engine;

namespace Slipway.Forge.Api;

/// <summary>Which runners a registration token registers: the repository's own, its owner organisation's, or the whole instance's.</summary>
public enum RunnerScope
{
    Repository,
    Organization,
    Instance,
}

public static class RunnerScopes
{
    /// <summary>"repository" (or "repo"), "organization" (or "org"), "instance" (or "admin"); anything else is one line naming the valid ones.</summary>
    public static RunnerScope Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "repository" or "repo" => RunnerScope.Repository,
        "organization" or "organisation" or "org" => RunnerScope.Organization,
        "instance" or "admin" => RunnerScope.Instance,
        _ => throw new ForgeException($"unknown runner scope '{text}'; use repository, organization or instance (an instance token needs an admin's token)"),
    };
}

/// <summary>A runner registration token: prints as [REDACTED] and is registered with the build's masker, so no log line shows it.</summary>
public sealed class RunnerRegistrationToken
{
    readonly string _value;

    public RunnerRegistrationToken(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new ForgeException("the forge answered an empty runner registration token; create one by hand in Settings > Actions > Runners");
        _value = value.Trim();
        SecretMasker.Register(_value);
    }

    /// <summary>The value, for writing it where the runner reads it (the secrets file); never for a log line.</summary>
    public string Reveal() => _value;

    public override string ToString() => "[REDACTED]";
}
