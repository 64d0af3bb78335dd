using Slipway.Docker;
using Slipway.Integration.Tests.Support;
using Slipway.Tooling;

namespace Slipway.Integration.Tests;

[Collection(EngineCollection.Name)]
public sealed class ImagePipelineTests(EngineFixture engine)
{
    static GitInfo Git(bool dirty = false) => new(EngineFixture.Commit, "feature/x", DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), 42, dirty);

    ReleaseImageSettings Settings(string repository) =>
        new(repository, engine.Dockerfile, engine.PublishDirectory, EngineFixture.BaseImage, "9.9.9", Git());

    [Fact]
    public async Task ABuiltImageCarriesOciLabelsAndReleaseTags()
    {
        var built = await new ReleaseImageBuilder(engine.Images).BuildAsync(Settings("slipway-it/labels"));

        var inspected = await engine.Images.InspectAsync(built.Id);
        Assert.NotNull(inspected);
        Assert.Equal(EngineFixture.Commit, inspected.Config!.Labels!["org.opencontainers.image.revision"]);
        Assert.Equal("9.9.9", inspected.Config!.Labels!["org.opencontainers.image.version"]);
        Assert.Equal("2023-11-14T22:13:20Z", inspected.Config!.Labels!["org.opencontainers.image.created"]);
        Assert.Equivalent(new[] { "slipway-it/labels:0123456789ab", "slipway-it/labels:9.9.9", "slipway-it/labels:feature-x" },
            inspected.RepoTags, strict: false);
    }

    [Fact]
    public async Task RebuildingAnUnchangedContextGivesTheSameImage()
    {
        var first = await new ReleaseImageBuilder(engine.Images).BuildAsync(Settings("slipway-it/same"));
        var second = await new ReleaseImageBuilder(engine.Images).BuildAsync(Settings("slipway-it/same"));

        Assert.Equal(first.Id, second.Id);
    }

    [Fact]
    public async Task APushedImageCanBePulledBackByItsDigest()
    {
        // Given an image pushed to the real registry
        var built = await new ReleaseImageBuilder(engine.Images).BuildAsync(Settings("slipway-it/pushed"));
        var pushed = await new ImagePusher(engine.Images).PushAsync(built, engine.Registry);
        using var registry = new RegistryClient(engine.Registry);
        Assert.Equal(pushed.ByDigest.Digest, await registry.GetDigestAsync("slipway-it/pushed", "9.9.9"));

        // When every local copy is removed and the digest is pulled
        foreach (var tag in pushed.Tags.Concat(built.Tags)) await engine.Images.RemoveAsync(tag.ToString());
        await engine.Images.RemoveAsync(built.Id);
        Assert.Null(await engine.Images.InspectAsync(pushed.ByDigest.ToString()));
        await engine.Images.PullAsync(pushed.ByDigest, engine.Registry.ToAuthConfig());

        // Then the engine has exactly that image again
        var pulled = await engine.Images.InspectAsync(pushed.ByDigest.ToString());
        Assert.NotNull(pulled);
        Assert.Contains(pulled.RepoDigests, d => d.EndsWith(pushed.ByDigest.Digest!, StringComparison.Ordinal));
        Assert.Equal(EngineFixture.Commit, pulled.Config!.Labels!["org.opencontainers.image.revision"]);
    }

    [Fact]
    public async Task ABuildThatFailsNamesTheImageAndTheEnginesError()
    {
        var dockerfile = Path.Combine(Repository.TempDirectory("bad-dockerfile"), "Dockerfile");
        await File.WriteAllTextAsync(dockerfile, $"FROM {EngineFixture.BaseImage}\nRUN exit 7\n");
        var settings = Settings("slipway-it/broken") with { Dockerfile = dockerfile };

        var error = await Assert.ThrowsAsync<ImageBuildFailedException>(() => new ReleaseImageBuilder(engine.Images).BuildAsync(settings));

        Assert.Contains("slipway-it/broken", error.Message);
        Assert.Contains("non-zero code: 7", error.Message);
    }

    [Fact]
    public async Task AnUnreachableEngineIsOneLineNamingTheEndpointAndTheFix()
    {
        var error = await Assert.ThrowsAsync<DockerUnavailableException>(() => DockerConnection.ConnectAsync("unix:///nonexistent/docker.sock"));

        Assert.Contains("unix:///nonexistent/docker.sock", error.Message);
        Assert.Contains("DOCKER_HOST", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
