using Slipway.Deploy.Locking;
using Slipway.Deploy.Releases;

namespace Slipway.Deploy.Tests;

public sealed class ReleaseHistoryTests
{
    static Release Some(string id, ReleaseState state = ReleaseState.SmokePassed, string digest = "sha256:aaaaaaaaaaaaaaaa") =>
        new(id, "prod", $"reg/app@{digest}", digest, "0123456789abcdef", "1.0." + id[1..], "hash", "config", "me@host", DateTimeOffset.UnixEpoch, state);

    static ReleaseHistory WithReleases(int count, string? stable = null)
    {
        var history = new ReleaseHistory("prod", 1, null, []);
        for (var i = 0; i < count; i++) history = history.Add(id => Some(id)).History;
        return stable is null ? history : history with { StableId = stable };
    }

    [Fact]
    public void ReleasesAreNumberedPerEnvironmentAndRememberTheirPredecessor()
    {
        var history = WithReleases(2);

        Assert.Equal(["r1", "r2"], history.Releases.Select(r => r.Id));
        Assert.Equal("r1", history.Releases[1].Previous);
        Assert.Equal(3, history.NextNumber);
    }

    [Fact]
    public void RetentionKeepsTheNewestAndAlwaysTheStableOne()
    {
        var (kept, dropped) = WithReleases(7, stable: "r1").ApplyRetention(3);

        Assert.Equal(["r2", "r3", "r4"], dropped.Select(r => r.Id));
        Assert.Equal(["r1", "r5", "r6", "r7"], kept.Releases.Where(r => r.Retained).Select(r => r.Id));
        Assert.Equal(7, kept.Releases.Count);
    }

    [Fact]
    public void AReleaseStillDeployingWhenTheNextStartsWasInterrupted()
    {
        var history = new ReleaseHistory("prod", 1, null, []).Add(id => Some(id, ReleaseState.Deploying)).History;

        history = history.Add(id => Some(id, ReleaseState.Deploying)).History;

        Assert.Equal(ReleaseState.Failed, history.Releases[0].State);
        Assert.Equal(ReleaseState.Deploying, history.Releases[1].State);
    }

    [Theory]
    [InlineData("r2", "r2")]
    [InlineData("2", "r2")]
    [InlineData("sha256:bbbbbbbbbbbbbbbb", "r2")]
    [InlineData("r9", null)]
    public void AReleaseIsFoundByIdNumberOrDigest(string query, string? expected)
    {
        var history = new ReleaseHistory("prod", 1, null, [])
            .Add(id => Some(id)).History.Add(id => Some(id, digest: "sha256:bbbbbbbbbbbbbbbb")).History;

        Assert.Equal(expected, history.Find(query)?.Id);
    }

    [Fact]
    public void TheTableMarksTheStableReleaseAndShowsNewestFirst()
    {
        var table = ReleaseReport.Table(WithReleases(2, stable: "r1"));
        var lines = table.Split('\n');

        Assert.StartsWith("Release", lines[0]);
        Assert.StartsWith("r2 ", lines[1]);
        Assert.StartsWith("r1 *", lines[2]);
        Assert.Contains("smoke passed", lines[1]);
    }

    [Fact]
    public void AnEmptyHistorySaysSo() =>
        Assert.Equal("prod has no releases yet", ReleaseReport.Table(new ReleaseHistory("prod", 1, null, [])));
}

public sealed class LockInfoTests
{
    [Fact]
    public void ALockWhoseProcessIsGoneFromThisHostIsStale()
    {
        var dead = new LockInfo("prod", "me", Environment.MachineName, int.MaxValue - 1, DateTimeOffset.UtcNow, "deploy");

        Assert.True(dead.IsStale(TimeSpan.FromHours(1), DateTimeOffset.UtcNow));
    }

    [Fact]
    public void ALiveLockIsStaleOnlyAfterTheTimeout()
    {
        var live = new LockInfo("prod", "me", Environment.MachineName, Environment.ProcessId, DateTimeOffset.UtcNow, "deploy");

        Assert.False(live.IsStale(TimeSpan.FromHours(1), DateTimeOffset.UtcNow));
        Assert.True(live.IsStale(TimeSpan.FromHours(1), DateTimeOffset.UtcNow.AddHours(2)));
    }

    [Fact]
    public void ALockTakenByHandIsNeverStale()
    {
        var byHand = new LockInfo("prod", "me", "other-host", 0, DateTimeOffset.UtcNow.AddDays(-3), "maintenance");

        Assert.False(byHand.IsStale(TimeSpan.FromHours(1), DateTimeOffset.UtcNow));
    }
}

public sealed class EnvironmentCatalogTests
{
    [Fact]
    public void EnvironmentsAreTheComposeFilesBesideTheBase()
    {
        var directory = Directory.CreateTempSubdirectory("slipway-envs-").FullName;
        foreach (var name in new[] { "compose", "dev", "prod", "infra" }) File.WriteAllText(Path.Combine(directory, name + ".yml"), "");

        var catalog = new EnvironmentCatalog(directory);

        Assert.Equal(["dev", "prod"], catalog.Names);
        var error = Assert.Throws<ArgumentException>(() => catalog.Require("qa"));
        Assert.Equal($"unknown environment 'qa'; valid: dev, prod (one {directory}/<env>.yml each)", error.Message);
    }
}
