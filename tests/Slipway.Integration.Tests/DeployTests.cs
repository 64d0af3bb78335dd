using System.Net.Http.Json;
using Slipway.Compose;
using Slipway.Deploy;
using Slipway.Docker;
using Slipway.Integration.Tests.Support;
using Slipway.Tooling;

namespace Slipway.Integration.Tests;

[Collection(EngineCollection.Name)]
public sealed class DeployTests(EngineFixture engine)
{
    static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    async Task<ImageRef> PushedSampleAsync()
    {
        var git = new GitInfo(EngineFixture.Commit, "main", DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), 42, false);
        var settings = new ReleaseImageSettings("slipway-it/sample", engine.Dockerfile, engine.PublishDirectory, EngineFixture.BaseImage, "9.9.9", git);
        var built = await new ReleaseImageBuilder(engine.Images).BuildAsync(settings);
        return (await new ImagePusher(engine.Images).PushAsync(built, engine.Registry)).ByDigest;
    }

    SmokeTestPlan Smoke(TestEnvironment env) => new(env.Url, "/health", "/ready", "/version", EngineFixture.Commit) { Attempts = 5, Interval = TimeSpan.FromSeconds(1) };

    [Fact]
    public async Task TheSampleServiceDeploysHealthyAndPassesItsSmokeTest()
    {
        await using var env = new TestEnvironment(engine.Docker);
        var image = await PushedSampleAsync();

        var result = await new Deployer(engine.Docker).DeployAsync(env.Request(image));

        Assert.True(result.Changed);
        Assert.Equal(env.Url, result.PublicUrl);
        await new SmokeTester(Http).RunAsync(Smoke(env));
        var container = Assert.Single(await env.RunningAppAsync());
        Assert.Equal("running", container.State);
        Assert.Equal("app", container.Labels[ComposeLabels.Service]);
        Assert.Equal(image.ToString(), container.Labels["org.slipway.image"]);
    }

    [Fact]
    public async Task ASecondDeployOfTheSameReleaseChangesNothingAndKeepsTheData()
    {
        // Given a deployed environment holding a reading
        await using var env = new TestEnvironment(engine.Docker);
        var image = await PushedSampleAsync();
        await new Deployer(engine.Docker).DeployAsync(env.Request(image));
        var before = Assert.Single(await env.RunningAppAsync());
        var created = await Http.PostAsJsonAsync(new Uri(env.Url, "/readings"), new { sensor = "it", value = 1.5 });
        created.EnsureSuccessStatusCode();

        // When the same release is deployed again
        var result = await new Deployer(engine.Docker).DeployAsync(env.Request(image));

        // Then the same container keeps serving the same data
        Assert.False(result.Changed);
        Assert.Equal(before.ID, Assert.Single(await env.RunningAppAsync()).ID);
        Assert.Contains("\"sensor\":\"it\"", await Http.GetStringAsync(new Uri(env.Url, "/readings")));
    }

    [Fact]
    public async Task AReleaseThatNeverTurnsHealthyLeavesThePreviousOneServing()
    {
        // Given a healthy environment
        await using var env = new TestEnvironment(engine.Docker);
        var image = await PushedSampleAsync();
        await new Deployer(engine.Docker).DeployAsync(env.Request(image));
        var previous = Assert.Single(await env.RunningAppAsync());

        // When a release whose process exits at once is deployed
        env.WriteOverride("""
                entrypoint: ["bash", "-c", "echo boot failed on purpose; exit 3"]
            """);
        var error = await Assert.ThrowsAsync<ContainerNotHealthyException>(() => new Deployer(engine.Docker).DeployAsync(env.Request(image)));

        // Then the failure is named, no container is left behind, and the previous one serves again
        Assert.Contains("exited with code 3", error.Message);
        var remaining = Assert.Single(await env.ContainersAsync(), c => c.Labels[ComposeLabels.Service] == "app");
        Assert.Equal(previous.ID, remaining.ID);
        Assert.Equal("running", remaining.State);
        await new SmokeTester(Http).RunAsync(Smoke(env));
    }

    [Fact]
    public async Task AnUnsupportedComposeKeyFailsBeforeAnythingIsCreated()
    {
        await using var env = new TestEnvironment(engine.Docker);
        env.WriteOverride("""
                privileged: true
            """);

        var error = await Assert.ThrowsAsync<ComposeFileException>(() =>
            new Deployer(engine.Docker).DeployAsync(env.Request(ImageRef.Parse("slipway-it/sample:9.9.9"))));

        Assert.Contains("test.yml:", error.Message);
        Assert.Contains("privileged", error.Message);
        Assert.Empty(await env.ContainersAsync());
        Assert.False(await new NetworkOperations(engine.Docker).ExistsAsync($"{env.ProjectName}_default"));
    }
}
