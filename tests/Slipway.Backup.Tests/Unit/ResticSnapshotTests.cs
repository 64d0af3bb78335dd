using Slipway.Backup.Restic;

namespace Slipway.Backup.Tests.Unit;

public sealed class ResticSnapshotTests
{
    [Fact]
    public void SnapshotsParseWithNanosecondTimesAndTheirTags()
    {
        var list = ResticSnapshot.ParseList("""
            [{"time":"2026-11-23T12:25:04.716453486Z","tree":"f0","paths":["/prod.tar"],"hostname":"vm","username":"root",
              "tags":["env=prod","kind=pre-deploy","release=0.1.6","commit=abc123","run=r1"],"id":"9dd5db50b3717b3e","short_id":"9dd5db50"},
             {"time":"2026-11-01T02:00:00+01:00","paths":["/prod.tar"],"hostname":"vm","id":"11111111aaaa"}]
            """);

        Assert.Equal(["11111111aaaa", "9dd5db50b3717b3e"], list.Select(s => s.Id));
        var newest = list[1];
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 12, 25, 4, TimeSpan.Zero).AddTicks(7164534), newest.Time);
        Assert.Equal(("prod", "pre-deploy", "0.1.6", "abc123"), (newest.Environment, newest.Kind, newest.Release, newest.Commit));
        Assert.Equal("/prod.tar", newest.FilePath);
        Assert.Null(list[0].Kind);
    }

    [Fact]
    public void BackupArgumentsCarryTagsAndTheTimeInLocalTime()
    {
        var time = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

        var args = ResticRepository.BackupArguments(new ResticBackup("prod.tar", SnapshotTags.For("prod", BackupKind.Weekly, "1.2.3", "abc", "r1")) { Time = time });

        Assert.Equal(["backup", "--stdin", "--stdin-filename", "prod.tar", "--json",
            "--tag", "env=prod", "--tag", "kind=weekly", "--tag", "release=1.2.3", "--tag", "commit=abc", "--tag", "run=r1",
            "--time", time.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss")], args);
    }

    [Theory]
    [InlineData("Prod")]
    [InlineData("prod,dev")]
    [InlineData("")]
    [InlineData("-x")]
    public void AnEnvironmentThatCannotBeATagIsRefused(string environment) =>
        Assert.Contains("not a valid environment name", Assert.Throws<BackupException>(() => SnapshotTags.Environment(environment)).Message);

    [Fact]
    public void TagValuesLoseCommasAndSpaces() =>
        Assert.Contains("release=1.0_beta_2", SnapshotTags.For("prod", BackupKind.Daily, "1.0 beta,2", "", "r"));
}
