using Slipway.Deploy;
using Slipway.Deploy.Edge;
using Slipway.Deploy.Releases;
using Slipway.Deploy.State;
using Slipway.Docker;
using Slipway.Integration.Tests.Support;

namespace Slipway.Integration.Tests;

/// <summary>Blue/green behind the edge on the real engine: switches and rollbacks under load, faults before the switch, a missing or
/// stopped edge, and two environments side by side.</summary>
[Collection(EngineCollection.Name)]
public sealed class EdgeTests(EngineFixture engine) : IAsyncLifetime
{
    const string OtherCommit = "fedcba9876543210fedcba9876543210fedcba98";
    static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    readonly string _stateName = $"slipway-state-it-{Guid.NewGuid():N}"[..28];
    ReleaseManager Releases => new(engine.Docker, new ReleaseSettings(3, "tester@it") { StateName = _stateName });

    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => new StateStore(engine.Docker, _stateName).DestroyAsync();

    static DeployRequest Fast(DeployRequest request) => request with { DrainTime = TimeSpan.FromSeconds(1), ProbeInterval = TimeSpan.FromMilliseconds(200) };

    Task<ImageRef> FirstImageAsync() => SampleImages.PushAsync(engine, "slipway-it/sample");
    Task<ImageRef> SecondImageAsync() => SampleImages.PushAsync(engine, "slipway-it/sample", labelCommit: OtherCommit);

    async Task<string> ImageServingAsync(TestEnvironment env) => Assert.Single(await env.RunningAppAsync()).Labels["org.slipway.image"];

    [Fact]
    public async Task ANewReleaseTakesOverUnderLoadWithoutAFailedRequestAndTheOldOneIsKeptStopped()
    {
        // Given an environment behind its edge, under constant load
        await using var env = new TestEnvironment(engine.Docker);
        var first = await FirstImageAsync();
        await new Deployer(engine.Docker).DeployAsync(Fast(env.Request(first)));
        var old = Assert.Single(await env.RunningAppAsync());
        await using var load = new LoadDriver(new Uri(env.Url, "/health"));
        await load.WarmAsync();

        // When a new release is deployed
        var second = await SecondImageAsync();
        var result = await new Deployer(engine.Docker).DeployAsync(Fast(env.Request(second, OtherCommit)));
        await Task.Delay(300);
        await load.DisposeAsync();

        // Then no request failed, the new release serves, and the old one is kept stopped for rollback
        Assert.True(result.Changed);
        Assert.True(load.Failed == 0, $"{load.Failed} of {load.Succeeded + load.Failed} requests failed: {string.Join("; ", load.Failures)}");
        Assert.Equal(second.ToString(), await ImageServingAsync(env));
        var containers = await env.ContainersAsync();
        Assert.Equal("exited", Assert.Single(containers, c => c.ID == old.ID).State);
        Assert.DoesNotContain(Assert.Single(await env.RunningAppAsync()).Ports, p => p.PublicPort is > 0);
        Assert.Single(containers, c => EdgeSpec.IsEdge(c.Labels) && c.State == "running");
    }

    [Fact]
    public async Task AReleaseThatNeverAnswersItsHealthPathIsRemovedAndTheOldOneKeepsServingEveryRequest()
    {
        // Given a healthy environment under load
        await using var env = new TestEnvironment(engine.Docker);
        var image = await FirstImageAsync();
        await new Deployer(engine.Docker).DeployAsync(Fast(env.Request(image)));
        var old = Assert.Single(await env.RunningAppAsync());
        await using var load = new LoadDriver(new Uri(env.Url, "/health"));
        await load.WarmAsync();

        // When a release that runs but listens on the wrong port (no engine health check to notice) is deployed
        env.WriteOverride("""
                environment:
                  PORT: "9090"
                healthcheck:
                  disable: true
            """);
        var error = await Assert.ThrowsAsync<ContainerNotHealthyException>(() =>
            new Deployer(engine.Docker).DeployAsync(Fast(env.Request(image)) with { HealthTimeout = TimeSpan.FromSeconds(6) }));
        await load.DisposeAsync();

        // Then the HTTP probe refused it, it is gone, and the old release served every request throughout
        Assert.Contains("did not answer GET /health on port 8080", error.Message);
        Assert.True(load.Failed == 0, $"{load.Failed} of {load.Succeeded + load.Failed} requests failed: {string.Join("; ", load.Failures)}");
        Assert.Equal(old.ID, Assert.Single(await env.ContainersAsync(), c => c.Labels[ComposeLabels.Service] == "app").ID);
        Assert.Equal("running", Assert.Single(await env.RunningAppAsync()).State);
    }

    [Fact]
    public async Task ARollbackAfterAFailedSmokeTestSwitchesBackUnderLoadToTheKeptContainer()
    {
        // Given a stable release, then a release that turns healthy but fails its smoke test
        await using var env = new TestEnvironment(engine.Docker);
        var good = await Releases.DeployAsync(Fast(env.Request(await FirstImageAsync())));
        await Releases.RecordSmokeTestAsync("test", good.Id, passed: true, "");
        var goodContainer = Assert.Single(await env.RunningAppAsync());
        var bad = await Releases.DeployAsync(Fast(env.Request(await SecondImageAsync(), OtherCommit)));
        var smoke = new SmokeTestPlan(env.Url, "/health", "/ready", "/version", bad.Commit) { Attempts = 1 };
        await Assert.ThrowsAsync<SmokeTestFailedException>(() => new SmokeTester(Http).RunAsync(smoke));
        await using var load = new LoadDriver(new Uri(env.Url, "/health"));
        await load.WarmAsync();

        // When it is rolled back
        var back = await Releases.RollbackAsync("test", env.ProjectName, to: null, "smoke failed", engine.Registry);
        await Task.Delay(300);
        await load.DisposeAsync();

        // Then the stable release's kept container serves again, and no request failed on the way
        Assert.Equal(good.Id, back.Id);
        Assert.True(load.Failed == 0, $"{load.Failed} of {load.Succeeded + load.Failed} requests failed: {string.Join("; ", load.Failures)}");
        Assert.Equal(goodContainer.ID, Assert.Single(await env.RunningAppAsync()).ID);
        await new SmokeTester(Http).RunAsync(smoke with { ExpectedCommit = EngineFixture.Commit });
    }

    [Fact]
    public async Task AMissingEdgeIsCreatedAgainAndAStoppedOneStartedBeforeAnythingChanges()
    {
        // Given a deployed environment whose edge was removed
        await using var env = new TestEnvironment(engine.Docker);
        var image = await FirstImageAsync();
        await new Deployer(engine.Docker).DeployAsync(Fast(env.Request(image)));
        var release = Assert.Single(await env.RunningAppAsync());
        await engine.Containers.RemoveAsync($"{env.ProjectName}-edge");

        // When the same release is deployed again
        var again = await new Deployer(engine.Docker).DeployAsync(Fast(env.Request(image)));

        // Then the edge is back, routing to the release that was running (nothing else changed)
        Assert.False(again.Changed);
        Assert.Equal(release.ID, Assert.Single(await env.RunningAppAsync()).ID);
        Assert.Contains("healthy", await Http.GetStringAsync(new Uri(env.Url, "/health")));

        // And when the edge is stopped, the next deploy starts it first and then switches
        await engine.Containers.StopAsync($"{env.ProjectName}-edge", TimeSpan.FromSeconds(5));
        var second = await SecondImageAsync();
        await new Deployer(engine.Docker).DeployAsync(Fast(env.Request(second, OtherCommit)));
        Assert.Equal(second.ToString(), await ImageServingAsync(env));
        Assert.Contains("healthy", await Http.GetStringAsync(new Uri(env.Url, "/health")));
    }

    [Fact]
    public async Task AContainerThatPublishesThePortItselfHandsItToTheEdgeOnTheFirstDeploy()
    {
        // Given an environment deployed before the edge: its container publishes the port itself
        await using var env = new TestEnvironment(engine.Docker);
        await new Deployer(engine.Docker).DeployAsync(Fast(env.Request(await FirstImageAsync())) with { UseEdge = false });
        var legacy = Assert.Single(await env.RunningAppAsync());

        // When a release is deployed behind the edge
        var second = await SecondImageAsync();
        await new Deployer(engine.Docker).DeployAsync(Fast(env.Request(second, OtherCommit)));

        // Then the edge owns the port, the new release serves behind it, and the old container is stopped
        Assert.Equal(second.ToString(), await ImageServingAsync(env));
        Assert.Equal("exited", Assert.Single(await env.ContainersAsync(), c => c.ID == legacy.ID).State);
        Assert.Contains("healthy", await Http.GetStringAsync(new Uri(env.Url, "/health")));
    }

    [Fact]
    public async Task TwoEnvironmentsEdgesNeverReachEachOthersReleases()
    {
        // Given two environments on one engine, each behind its own edge, one holding a reading
        await using var blue = new TestEnvironment(engine.Docker);
        await using var green = new TestEnvironment(engine.Docker);
        var image = await FirstImageAsync();
        await new Deployer(engine.Docker).DeployAsync(Fast(blue.Request(image)));
        await new Deployer(engine.Docker).DeployAsync(Fast(green.Request(image)));
        (await Http.PostAsync(new Uri(blue.Url, "/readings"), new StringContent("""{"sensor":"blue-only","value":1}""",
            System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        // When each edge is asked for the other's release
        var greenRelease = Assert.Single(await green.RunningAppAsync()).Names[0].TrimStart('/');
        var blueEdge = new EdgeProxy(engine.Docker, EdgeSpec.For(Deployer.LoadProject(blue.Request(image)), EngineFixture.BaseImage)!);
        var reachesOther = await blueEdge.ProbeAsync(greenRelease, 8080, "/health");

        // Then it cannot even resolve it (another network), and each port serves its own data
        Assert.False(reachesOther);
        Assert.Contains("blue-only", await Http.GetStringAsync(new Uri(blue.Url, "/readings")));
        Assert.DoesNotContain("blue-only", await Http.GetStringAsync(new Uri(green.Url, "/readings")));
    }

    [Fact]
    public async Task ReloadingTheEdgeCausesNoGapAndRecreatingItSaysItDoes()
    {
        await using var env = new TestEnvironment(engine.Docker);
        var image = await FirstImageAsync();
        await new Deployer(engine.Docker).DeployAsync(Fast(env.Request(image)));
        var edge = new EdgeProxy(engine.Docker, EdgeSpec.For(Deployer.LoadProject(env.Request(image)), EngineFixture.BaseImage)!);
        await using var load = new LoadDriver(new Uri(env.Url, "/health"));
        await load.WarmAsync();

        var reload = await edge.RestartAsync(EdgeRestartMode.Reload);
        var upgrade = await edge.UpgradeAsync();
        await load.DisposeAsync();
        var recreate = await edge.RestartAsync(EdgeRestartMode.Recreate);

        Assert.False(reload.CausedGap);
        Assert.False(upgrade.CausedGap);
        Assert.Equal(0, load.Failed);
        Assert.True(recreate.CausedGap);
        Assert.Contains("a gap", recreate.ToString());
        Assert.Contains("healthy", await Http.GetStringAsync(new Uri(env.Url, "/health")));
    }
}
