using System.Net.Http.Json;
using Slipway.Deploy;
using Slipway.Deploy.Locking;
using Slipway.Deploy.Releases;
using Slipway.Deploy.State;
using Slipway.Integration.Tests.Support;

namespace Slipway.Integration.Tests;

[Collection(EngineCollection.Name)]
public sealed class ReleaseTests(EngineFixture engine) : IAsyncLifetime
{
    const string OtherCommit = "fedcba9876543210fedcba9876543210fedcba98";
    static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    readonly string _stateName = $"slipway-state-it-{Guid.NewGuid():N}"[..28];
    ReleaseManager Releases => new(engine.Docker, new ReleaseSettings(3, "tester@it") { StateName = _stateName });

    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => new StateStore(engine.Docker, _stateName).DestroyAsync();

    async Task SmokeAsync(TestEnvironment env, Release release)
    {
        var plan = new SmokeTestPlan(env.Url, "/health", "/ready", "/version", release.Commit) { Attempts = 2, Interval = TimeSpan.FromSeconds(1) };
        try
        {
            await new SmokeTester(Http).RunAsync(plan);
            await Releases.RecordSmokeTestAsync("test", release.Id, passed: true, "");
        }
        catch (SmokeTestFailedException e)
        {
            await Releases.RecordSmokeTestAsync("test", release.Id, passed: false, e.Message);
            throw;
        }
    }

    [Fact]
    public async Task AFailedSmokeTestRollsBackToTheStableReleaseAndItsDataIsUntouched()
    {
        // Given a stable release holding a reading
        await using var env = new TestEnvironment(engine.Docker);
        var good = await Releases.DeployAsync(env.Request(await SampleImages.PushAsync(engine, "slipway-it/sample")));
        await SmokeAsync(env, good);
        (await Http.PostAsJsonAsync(new Uri(env.Url, "/readings"), new { sensor = "kept", value = 7.0 })).EnsureSuccessStatusCode();

        // When a release that turns healthy but fails its smoke test is deployed, and rolled back
        var badImage = await SampleImages.PushAsync(engine, "slipway-it/sample", labelCommit: OtherCommit);
        var bad = await Releases.DeployAsync(env.Request(badImage, OtherCommit));
        await Assert.ThrowsAsync<SmokeTestFailedException>(() => SmokeAsync(env, bad));
        var back = await Releases.RollbackAsync("test", env.ProjectName, to: null, "smoke failed", engine.Registry);

        // Then the stable release serves again, with the reading written before
        Assert.Equal(good.Id, back.Id);
        Assert.Contains(EngineFixture.Commit, await Http.GetStringAsync(new Uri(env.Url, "/version")));
        Assert.Contains("\"sensor\":\"kept\"", await Http.GetStringAsync(new Uri(env.Url, "/readings")));
        var history = await Releases.HistoryAsync("test");
        Assert.Equal(ReleaseState.RolledBack, history.Find(bad.Id)!.State);
        Assert.Equal(good.Id, history.StableId);
        var container = Assert.Single(await env.RunningAppAsync());
        Assert.Equal(good.Id, container.Labels["org.slipway.release"]);
    }

    [Fact]
    public async Task ARollbackRestoresTheReleasesConfigurationNotJustItsImage()
    {
        // Given r1 deployed with LOG_LEVEL Warning, then r2 with Debug
        await using var env = new TestEnvironment(engine.Docker);
        var image = await SampleImages.PushAsync(engine, "slipway-it/sample");
        env.WriteOverride("""
                environment:
                  LOG_LEVEL: Warning
            """);
        var first = await Releases.DeployAsync(env.Request(image));
        await SmokeAsync(env, first);
        env.WriteOverride("""
                environment:
                  LOG_LEVEL: Debug
            """);
        await Releases.DeployAsync(env.Request(image));

        // When rolling back to r1
        await Releases.RollbackAsync("test", env.ProjectName, to: first.Id, "by hand", engine.Registry);

        // Then the container runs with r1's configuration, although the compose files now say Debug
        var inspected = await engine.Containers.InspectAsync(Assert.Single(await env.RunningAppAsync()).ID);
        Assert.Contains("LOG_LEVEL=Warning", inspected!.Config!.Env!);
    }

    [Fact]
    public async Task RollingBackWithNoEarlierReleaseSaysSoAndChangesNothing()
    {
        await using var env = new TestEnvironment(engine.Docker);
        var only = await Releases.DeployAsync(env.Request(await SampleImages.PushAsync(engine, "slipway-it/sample")));
        var before = Assert.Single(await env.RunningAppAsync());

        var error = await Assert.ThrowsAsync<ReleaseException>(() => Releases.RollbackAsync("test", env.ProjectName, null, "by hand", engine.Registry));

        Assert.Contains("no earlier stable release", error.Message);
        Assert.Contains(only.Id, error.Message);
        Assert.Equal(before.ID, Assert.Single(await env.RunningAppAsync()).ID);
    }

    [Fact]
    public async Task ASecondDeployOfTheSameEnvironmentFailsAtOnceNamingTheLockHolder()
    {
        var environment = $"it-{Guid.NewGuid():N}"[..12];
        var locks = new EnvironmentLock(engine.Docker, TimeSpan.FromHours(1));
        var first = await locks.AcquireAsync(environment, "alice@laptop", "deploy r7", TimeSpan.Zero);
        try
        {
            var error = await Assert.ThrowsAsync<LockHeldException>(() => locks.AcquireAsync(environment, "bob@ci", "deploy r8", TimeSpan.Zero));

            Assert.Contains("alice@laptop", error.Message);
            Assert.Contains("deploy r7", error.Message);
            Assert.Contains("--lock-wait", error.Message);
        }
        finally
        {
            await locks.ReleaseAsync(first);
        }
        Assert.Null(await locks.StatusAsync(environment));
    }
}
