using System.Text.Json;
using Slipway.Docker;
using Slipway.Engine;

partial class Build
{
    [Parameter("Registry host[:port] to push to; default: the embedded registry on 127.0.0.1:5000, started on demand")]
    readonly string? RegistryUrl;

    [Parameter("Registry user name")]
    readonly string? RegistryUser;

    [Parameter("Registry password"), Secret]
    readonly string? RegistryPassword;

    PushedImage? _pushedImage;

    async Task<RegistryEndpoint> RegistryAsync() => RegistryUrl is { Length: > 0 } url
        ? new RegistryEndpoint(url, RegistryUser, RegistryPassword)
        : await new EmbeddedRegistry(StateDirectory).EnsureRunningAsync();

    async Task PushReleaseImageAsync()
    {
        _pushedImage = await new ImagePusher(new ImageOperations(await DockerAsync())).PushAsync(_builtImage!, await RegistryAsync());
        // Later steps and people read the digest from here; the deploy target keeps its own record.
        await File.WriteAllTextAsync(TemporaryDirectory / "pushed-image.json", JsonSerializer.Serialize(new
        {
            image = _pushedImage.ByDigest.ToString(), tags = _pushedImage.Tags.Select(t => t.ToString()), commit = Git.Commit, version = ReleaseVersion,
        }, new JsonSerializerOptions { WriteIndented = true }));
    }
}
