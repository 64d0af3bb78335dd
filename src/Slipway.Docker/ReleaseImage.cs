using Serilog;
using Slipway.Tooling;

namespace Slipway.Docker;

/// <summary>What a release image is built from: the repository it goes to, its Dockerfile and context, base image, version and commit.</summary>
public sealed record ReleaseImageSettings(string Repository, string Dockerfile, string ContextDirectory, string BaseImage, string Version, GitInfo Git)
{
    public string? SourceUrl { get; init; }
    public string MainBranch { get; init; } = "main";
}

/// <summary>A built image and every tag it carries (without registry).</summary>
public sealed record BuiltImage(string Id, ImageRef Primary, IReadOnlyList<ImageRef> Tags);

/// <summary>Builds the release image with OCI labels and the tags <c>&lt;sha&gt;</c>, <c>&lt;version&gt;</c>, <c>&lt;branch&gt;</c> and <c>latest</c> on main.</summary>
public sealed class ReleaseImageBuilder(ImageOperations images)
{
    /// <summary>Tags for a commit; a dirty working tree never gets the plain commit tag, so promotion by commit stays honest.</summary>
    public static IReadOnlyList<string> TagsFor(ReleaseImageSettings settings)
    {
        var git = settings.Git;
        var tags = new List<string> { git.IsDirty ? git.ShortCommit + "-dirty" : git.ShortCommit, settings.Version, git.Branch };
        if (git.Branch == settings.MainBranch && !git.IsDirty) tags.Add("latest");
        return tags.Select(ImageRef.SanitizeTag).Distinct().ToList();
    }

    /// <summary>OCI labels; "created" is the commit time, not the build time, so an unchanged commit rebuilds to the same image.</summary>
    public static IReadOnlyDictionary<string, string> LabelsFor(ReleaseImageSettings settings)
    {
        var labels = new Dictionary<string, string>
        {
            ["org.opencontainers.image.revision"] = settings.Git.Commit,
            ["org.opencontainers.image.version"] = settings.Version,
            ["org.opencontainers.image.created"] = settings.Git.CommitTime.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            ["org.opencontainers.image.ref.name"] = settings.Git.Branch,
        };
        if (settings.SourceUrl is { Length: > 0 } source) labels["org.opencontainers.image.source"] = source;
        return labels;
    }

    public async Task<BuiltImage> BuildAsync(ReleaseImageSettings settings, CancellationToken ct = default)
    {
        var repository = ImageRef.Parse(settings.Repository);
        var tags = TagsFor(settings).Select(repository.WithTag).ToList();
        var request = new ImageBuildRequest(settings.ContextDirectory, settings.Dockerfile, tags)
        {
            BuildArgs = new Dictionary<string, string> { ["BASE_IMAGE"] = settings.BaseImage },
            Labels = LabelsFor(settings),
        };
        var before = (await images.InspectAsync(tags[0].ToString(), ct))?.ID;
        var id = await images.BuildAsync(request, ct);
        if (id == before) Log.Information("Image {Image} is unchanged ({Id}); the engine's cache built nothing new", tags[0].ToString(), Short(id));
        else Log.Information("Built {Image} ({Id}) tagged {Tags}", tags[0].ToString(), Short(id), tags.Select(t => t.Tag));
        return new BuiltImage(id, tags[0], tags);
    }

    static string Short(string id) => id.StartsWith("sha256:", StringComparison.Ordinal) ? id[7..19] : ContainerOperations.ShortId(id);
}

/// <summary>A pushed image: the reference by digest that deploys use, and the tags the registry now has.</summary>
public sealed record PushedImage(ImageRef ByDigest, IReadOnlyList<ImageRef> Tags);

/// <summary>Pushes every tag of a built image to a registry and returns the digest the registry assigned.</summary>
public sealed class ImagePusher(ImageOperations images)
{
    public async Task<PushedImage> PushAsync(BuiltImage image, RegistryEndpoint registry, CancellationToken ct = default)
    {
        var pushed = new List<ImageRef>();
        string? digest = null;
        foreach (var tag in image.Tags)
        {
            var remote = tag with { Registry = registry.Host };
            await images.TagAsync(image.Id, remote, ct);
            var tagDigest = await images.PushAsync(remote, registry.ToAuthConfig(), ct);
            if (digest is not null && digest != tagDigest)
                throw new RegistryException($"registry {registry.Host} gave {remote} digest {tagDigest}, but {pushed[0]} got {digest}");
            digest = tagDigest;
            pushed.Add(remote);
        }
        var byDigest = image.Primary with { Registry = registry.Host, Tag = null, Digest = digest };
        Log.Information("Pushed {Image} as {Digest}", byDigest.Name, digest);
        return new PushedImage(byDigest, pushed);
    }

    /// <summary>Points a tag (e.g. stable-prod) at an image the registry already has; only the manifest travels.</summary>
    public async Task TagInRegistryAsync(ImageRef byDigest, string tag, RegistryEndpoint registry, CancellationToken ct = default)
    {
        var target = byDigest.WithTag(tag);
        await images.TagAsync(byDigest.ToString(), target, ct);
        await images.PushAsync(target, registry.ToAuthConfig(), ct);
        Log.Information("Tagged {Image} as {Tag} in the registry", byDigest.ToString(), tag);
    }
}
