using Slipway.Docker;
using Slipway.Tooling;

namespace Slipway.Integration.Tests.Support;

/// <summary>Builds and pushes the published sample service as release images.</summary>
public static class SampleImages
{
    /// <summary>An image whose labels name <paramref name="labelCommit"/>; the service inside always reports <see cref="EngineFixture.Commit"/>,
    /// so a different label commit gives a release that turns healthy but fails its smoke test.</summary>
    public static async Task<ImageRef> PushAsync(EngineFixture engine, string repository, string labelCommit = EngineFixture.Commit, string version = "9.9.9")
    {
        var git = new GitInfo(labelCommit, "main", DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), 42, false);
        var settings = new ReleaseImageSettings(repository, engine.Dockerfile, engine.PublishDirectory, EngineFixture.BaseImage, version, git);
        var built = await new ReleaseImageBuilder(engine.Images).BuildAsync(settings);
        return (await new ImagePusher(engine.Images).PushAsync(built, engine.Registry)).ByDigest;
    }
}
