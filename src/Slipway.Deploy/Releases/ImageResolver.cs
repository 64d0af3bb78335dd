using Docker.DotNet;
using Slipway.Docker;

namespace Slipway.Deploy.Releases;

/// <summary>An image to deploy, by digest, with the commit and version its labels name.</summary>
public sealed record ResolvedImage(ImageRef ByDigest, string Commit, string Version);

/// <summary>Finds what a deploy means: the current commit's pushed image, or a tag, digest or release named by --version.</summary>
public sealed class ImageResolver(IDockerClient docker, RegistryEndpoint registry, ReleaseManager releases)
{
    /// <summary>The registry's image for a commit's tag, or null when that commit was never pushed.</summary>
    public async Task<ImageRef?> FindAsync(string repository, string tag, CancellationToken ct = default)
    {
        using var client = new RegistryClient(registry);
        if (!await client.IsUpAsync(ct)) return null;
        return await client.GetDigestAsync(repository, tag, ct) is { } digest
            ? new ImageRef(registry.Host, repository, null, digest)
            : null;
    }

    /// <summary>Resolves --version: a release id of one of <paramref name="environments"/>, a digest, or a tag of the registry.</summary>
    public async Task<ResolvedImage> ResolveAsync(string repository, string version, IReadOnlyList<string> environments, CancellationToken ct = default)
    {
        foreach (var environment in environments)
            if ((await releases.HistoryAsync(environment, ct)).Find(version) is { } release && version.StartsWith('r'))
                return await DescribeAsync(ImageRef.Parse(release.Image), ct);
        var reference = version.StartsWith("sha256:", StringComparison.Ordinal) ? version : ImageRef.SanitizeTag(version);
        var image = await FindAsync(repository, reference, ct)
            ?? throw new ReleaseException($"version '{version}' is not in the registry {registry.Host}/{repository} (no such tag, digest or release id); deploy one it has, or push it first");
        return await DescribeAsync(image, ct);
    }

    /// <summary>Pulls the image if the engine lacks it and reads the commit and version from its OCI labels.</summary>
    public async Task<ResolvedImage> DescribeAsync(ImageRef byDigest, CancellationToken ct = default)
    {
        var images = new ImageOperations(docker);
        if (await images.InspectAsync(byDigest.ToString(), ct) is null) await images.PullAsync(byDigest, registry.ToAuthConfig(), ct);
        var labels = (await images.InspectAsync(byDigest.ToString(), ct))?.Config?.Labels ?? new Dictionary<string, string>();
        return new ResolvedImage(byDigest,
            labels.TryGetValue("org.opencontainers.image.revision", out var commit) ? commit : "unknown",
            labels.TryGetValue("org.opencontainers.image.version", out var version) ? version : "unknown");
    }

    /// <summary>True when a release with this digest passed its smoke test in one of <paramref name="environments"/>.</summary>
    public async Task<bool> PassedSmokeTestInAsync(string digest, IReadOnlyList<string> environments, CancellationToken ct = default)
    {
        foreach (var environment in environments)
        {
            var history = await releases.HistoryAsync(environment, ct);
            if (history.Releases.Any(r => r.Digest == digest && (r.State == ReleaseState.SmokePassed || r.Id == history.StableId))) return true;
        }
        return false;
    }
}
