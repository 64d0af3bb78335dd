using Slipway.Docker;
using Slipway.Engine;
using Slipway.Tooling;

partial class Build
{
    [Parameter("Image repository name, without registry (e.g. my-service)")]
    readonly string ImageName = "app";

    [Parameter("A .NET project to publish self-contained as the image's build context; unset for a plain Dockerfile build")]
    readonly string? ServiceProject;

    [Parameter("Dockerfile of the service image")]
    readonly string Dockerfile = "Dockerfile";

    [Parameter("Build context directory; default: the publish output of --service-project, else the Dockerfile's folder")]
    readonly string? DockerContext;

    [Parameter("Base image handed to the Dockerfile as BASE_IMAGE; bootstrapped with debootstrap when missing", Name = "base-image")]
    readonly string BaseImageReference = "slipway/debian:bookworm-minbase";

    [Parameter("Debian mirror used to bootstrap the base image")]
    readonly string DebianMirror = "http://deb.debian.org/debian";

    [Parameter("Version of a new build; default: <version-prefix>.<number of commits>")]
    readonly string? BuildVersion;

    [Parameter("First two parts of the default version")]
    readonly string VersionPrefix = "0.1";

    [Parameter("Source repository URL for the org.opencontainers.image.source label")]
    readonly string? SourceUrl;

    GitInfo? _git;
    BuiltImage? _builtImage;

    GitInfo Git => _git ??= GitInfo.ReadAsync(RootDirectory).GetAwaiter().GetResult();
    string ReleaseVersion => BuildVersion ?? $"{VersionPrefix}.{Git.CommitCount}";
    AbsolutePath PublishDirectory => TemporaryDirectory / "publish" / ImageName;
    AbsolutePath BuildContext => DockerContext != null ? RootDirectory / DockerContext
        : ServiceProject != null ? PublishDirectory : (RootDirectory / Dockerfile).Parent!;

    Task PublishServiceAsync() => DotNetTasks.PublishAsync(RootDirectory / ServiceProject!, PublishDirectory, "linux-x64",
        new Dictionary<string, string> { ["Version"] = ReleaseVersion, ["SourceRevisionId"] = Git.Commit });

    async Task EnsureBaseImageAsync() =>
        await new BaseImageBootstrapper(new ImageOperations(await DockerAsync()), TemporaryDirectory)
            .EnsureAsync(ImageRef.Parse(BaseImageReference), "bookworm", DebianMirror);

    async Task BuildReleaseImageAsync() =>
        _builtImage = await new ReleaseImageBuilder(new ImageOperations(await DockerAsync())).BuildAsync(
            new ReleaseImageSettings(ImageName, RootDirectory / Dockerfile, BuildContext, BaseImageReference, ReleaseVersion, Git) { SourceUrl = SourceUrl });
}
