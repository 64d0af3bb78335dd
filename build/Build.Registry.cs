using System.Text.Json;
using Slipway.Docker;
using Slipway.Engine;

partial class Build
{
    [Parameter("Registry host[:port] to push to; default: the embedded registry on 127.0.0.1:5000, started on demand")]
    readonly string? RegistryUrl;

    [Parameter("Registry user name (default: registry_user from the secrets file)")]
    readonly string? RegistryUser;

    [Parameter("Registry password (default: registry_password from the secrets file)"), Secret]
    readonly string? RegistryPassword;

    PushedImage? _pushedImage;
    ImageRef? _commitImage;
    bool _commitImageLookedUp;

    /// <summary>The registry's image for this commit (clean trees only), found without starting anything.</summary>
    ImageRef? CommitImage
    {
        get
        {
            if (_commitImageLookedUp) return _commitImage;
            _commitImageLookedUp = true;
            if (Git.IsDirty) return null;
            var registry = RegistryUrl is { Length: > 0 } url ? new RegistryEndpoint(url, RegistryLoginUser, RegistryPassword) : Embedded.KnownEndpoint();
            using var client = new RegistryClient(registry);
            var digest = client.IsUpAsync().GetAwaiter().GetResult() ? client.GetDigestAsync(ImageName, Git.ShortCommit).GetAwaiter().GetResult() : null;
            return _commitImage = digest is null ? null : new ImageRef(registry.Host, ImageName, null, digest);
        }
    }

    /// <summary>A deploy of --version, or a promotion to prod of an already pushed commit: nothing is built, tested or pushed.</summary>
    bool DeploysAnExistingImage => Version is { Length: > 0 } || (TargetEnvironment == "prod" && CommitImage is not null);

    /// <summary>Protected by htpasswd: with the secrets file's login, else one generated into the state directory on first use.</summary>
    EmbeddedRegistry Embedded => new(StateDirectory) { RequiresLogin = true, Login = SecretsRegistryLogin };

    async Task<RegistryEndpoint> RegistryAsync() => RegistryUrl is { Length: > 0 } url
        ? new RegistryEndpoint(url, RegistryLoginUser, RegistryPassword)
        : await Embedded.EnsureRunningAsync();

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
