using Docker.DotNet;
using Docker.DotNet.Models;
using Serilog;

namespace Slipway.Docker;

/// <summary>What to build: a context directory, its Dockerfile, the tags, build arguments and labels.</summary>
public sealed record ImageBuildRequest(string ContextDirectory, string Dockerfile, IReadOnlyList<ImageRef> Tags)
{
    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}

/// <summary>Builds, tags, pushes, pulls and inspects images through the Engine API.</summary>
public sealed class ImageOperations(IDockerClient docker)
{
    public static ImageBuildParameters BuildRequest(ImageBuildRequest request, string dockerfileInArchive) => new()
    {
        Dockerfile = dockerfileInArchive,
        Tags = request.Tags.Select(t => t.ToString()).ToList(),
        BuildArgs = request.BuildArgs.ToDictionary(),
        Labels = request.Labels.ToDictionary(),
        Remove = true,
        ForceRemove = true,
    };

    /// <summary>Builds the image and returns its id; the engine's layer cache makes an unchanged context a no-op.</summary>
    public async Task<string> BuildAsync(ImageBuildRequest request, CancellationToken ct = default)
    {
        var (archive, dockerfileInArchive) = await BuildContextArchive.CreateAsync(request.ContextDirectory, request.Dockerfile, ct);
        await using var _ = archive;
        var progress = new ProgressLog("build");
        await docker.Images.BuildImageFromDockerfileAsync(BuildRequest(request, dockerfileInArchive), archive, [], new Dictionary<string, string>(), progress, ct);
        if (progress.Error is { } error) throw new ImageBuildFailedException(request.Tags[0], error);
        var id = progress.Messages.Select(m => m.Aux?.ExtensionData).Where(d => d is not null && d.ContainsKey("ID"))
            .Select(d => d!["ID"]?.ToString()).LastOrDefault();
        return id ?? (await InspectAsync(request.Tags[0].ToString(), ct))?.ID
            ?? throw new ImageBuildFailedException(request.Tags[0], "the engine reported no image id");
    }

    public Task TagAsync(string source, ImageRef target, CancellationToken ct = default) =>
        docker.Images.TagImageAsync(source, new ImageTagParameters { RepositoryName = target.Name, Tag = target.Tag }, ct);

    /// <summary>Pushes one tag and returns the manifest digest the registry reported.</summary>
    public async Task<string> PushAsync(ImageRef image, AuthConfig? auth, CancellationToken ct = default)
    {
        var progress = new ProgressLog("push");
        await docker.Images.PushImageAsync(image.Name, new ImagePushParameters { Tag = image.Tag }, auth ?? new AuthConfig(), progress, ct);
        if (progress.Error is { } error) throw new RegistryException($"push of {image} failed: {error}");
        var digest = progress.Messages.Select(m => m.Aux?.ExtensionData).Where(d => d is not null && d.ContainsKey("Digest"))
            .Select(d => d!["Digest"]?.ToString()).LastOrDefault();
        return digest ?? throw new RegistryException($"push of {image} reported no digest");
    }

    public async Task PullAsync(ImageRef image, AuthConfig? auth, CancellationToken ct = default)
    {
        var progress = new ProgressLog("pull");
        var parameters = new ImagesCreateParameters { FromImage = image.Name, Tag = image.Digest ?? image.Tag ?? "latest" };
        await docker.Images.CreateImageAsync(parameters, auth ?? new AuthConfig(), progress, ct);
        if (progress.Error is { } error) throw new RegistryException($"pull of {image} failed: {error}");
    }

    /// <summary>Imports a root filesystem tarball as an image (how base images are bootstrapped without a public registry).</summary>
    public async Task ImportAsync(Stream rootFs, ImageRef image, CancellationToken ct = default)
    {
        var progress = new ProgressLog("import");
        var parameters = new ImagesCreateParameters { FromSrc = "-", Repo = image.Name, Tag = image.Tag };
        await docker.Images.CreateImageAsync(parameters, rootFs, new AuthConfig(), progress, ct);
        if (progress.Error is { } error) throw new ImageBuildFailedException(image, error);
        Log.Information("Imported {Image}", image.ToString());
    }

    public async Task<ImageInspectResponse?> InspectAsync(string image, CancellationToken ct = default)
    {
        try { return await docker.Images.InspectImageAsync(image, ct); }
        catch (DockerImageNotFoundException) { return null; }
    }

    public async Task RemoveAsync(string image, CancellationToken ct = default)
    {
        try { await docker.Images.DeleteImageAsync(image, new ImageDeleteParameters { Force = true }, ct); }
        catch (DockerImageNotFoundException) { }
    }
}

/// <summary>The engine refused to build or import an image.</summary>
public sealed class ImageBuildFailedException(ImageRef image, string detail)
    : Exception($"building {image} failed: {detail.Trim()}");

/// <summary>A registry refused a push, pull or lookup.</summary>
public sealed class RegistryException(string message) : Exception(message);
