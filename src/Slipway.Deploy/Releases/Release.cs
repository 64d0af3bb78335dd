namespace Slipway.Deploy.Releases;

/// <summary>Where a release stands in its environment.</summary>
public enum ReleaseState { Deploying, Failed, Deployed, SmokePassed, SmokeFailed, RolledBack }

/// <summary>One deploy of one image with one configuration to one environment; rollback redeploys a retained one.</summary>
public sealed record Release(
    string Id, string Environment, string Image, string Digest, string Commit, string Version,
    string ConfigHash, string Config, string DeployedBy, DateTimeOffset DeployedAt, ReleaseState State)
{
    /// <summary>Its image is kept on the deploy target and its configuration stored, so it can be rolled back to.</summary>
    public bool Retained { get; init; } = true;

    /// <summary>The release this one replaced, if any.</summary>
    public string? Previous { get; init; }

    public string ShortDigest => Digest.StartsWith("sha256:", StringComparison.Ordinal) ? Digest[7..19] : Digest;
    public string ShortCommit => Commit[..Math.Min(12, Commit.Length)];
}
