using Slipway.Backup.Restic;
using Slipway.Backup.Tests.Support;

namespace Slipway.Backup.Tests.Unit;

public sealed class RetentionPolicyTests
{
    static readonly DateTimeOffset Day = new(2026, 11, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheDryRunGroupsPerEnvironmentOnlyWithTheGivenCounts() =>
        Assert.Equal(["forget", "--tag", "env=prod", "--group-by", "", "--keep-daily", "7", "--keep-weekly", "4", "--keep-monthly", "3",
            "--dry-run", "--json", "--no-lock"], new RetentionPolicy().DryRunArguments("prod"));

    [Fact]
    public void NegativeCountsAreRefused() =>
        Assert.Contains("--keep-daily", Assert.Throws<BackupException>(() => new RetentionPolicy(-1).DryRunArguments("prod")).Message);

    [Fact]
    public void TheNewestPreDeploySnapshotIsNeverRemoved()
    {
        var oldPre = Some.Snapshot("a1", Day, kind: BackupKind.PreDeploy);
        var newPre = Some.Snapshot("a2", Day.AddDays(1), kind: BackupKind.PreDeploy);
        var daily = Some.Snapshot("a3", Day.AddDays(2));

        var removals = RetentionPolicy.Removals([oldPre, newPre], [oldPre, newPre, daily]);

        Assert.Equal([oldPre.Id], removals.Select(s => s.Id));
    }

    [Fact]
    public void WithoutPreDeploySnapshotsThePolicyIsTakenAsIs()
    {
        var old = Some.Snapshot("b1", Day);

        Assert.Equal([old], RetentionPolicy.Removals([old], [old, Some.Snapshot("b2", Day.AddDays(1))]));
    }

    [Fact]
    public void ResticsDryRunAnswerIsReadPerGroup()
    {
        var (keep, remove) = RetentionPolicy.ParseDryRun("""
            [{"tags":null,"host":"","paths":null,
              "keep":[{"time":"2026-11-03T02:00:00Z","paths":["/prod.tar"],"hostname":"vm","tags":["env=prod","kind=daily"],"id":"k1"}],
              "remove":[{"time":"2026-11-01T02:00:00Z","paths":["/prod.tar"],"hostname":"vm","tags":["env=prod","kind=daily"],"id":"r1"}],
              "reasons":[]},
             {"keep":[{"time":"2026-11-03T02:00:00Z","paths":["/prod.tar"],"hostname":"vm","id":"k2"}],"remove":null}]
            """);

        Assert.Equal(["k1", "k2"], keep.Select(s => s.Id));
        Assert.Equal(["r1"], remove.Select(s => s.Id));
    }
}
