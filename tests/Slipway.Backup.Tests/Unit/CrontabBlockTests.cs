using Slipway.Backup.Schedule;

namespace Slipway.Backup.Tests.Unit;

public sealed class CrontabBlockTests
{
    static readonly ScheduleSettings Settings = new("/srv/app", "prod") { PathVariable = "/usr/local/bin:/usr/bin:/bin" };

    [Fact]
    public void TheBlockRunsDailyWeeklyAndMonthlyAtTheSeedsTimes()
    {
        Assert.Equal("""
            # BEGIN slipway backup --env prod in /srv/app
            0 2 * * * cd '/srv/app' && mkdir -p 'logs' && PATH='/usr/local/bin:/usr/bin:/bin' ./build.sh Backup --env prod --kind daily >> 'logs/backup-daily.log' 2>&1
            0 3 * * 0 cd '/srv/app' && mkdir -p 'logs' && PATH='/usr/local/bin:/usr/bin:/bin' ./build.sh Backup --env prod --kind weekly >> 'logs/backup-weekly.log' 2>&1
            0 4 1 * * cd '/srv/app' && mkdir -p 'logs' && PATH='/usr/local/bin:/usr/bin:/bin' ./build.sh Backup --env prod --kind monthly >> 'logs/backup-monthly.log' 2>&1
            # END slipway backup --env prod in /srv/app

            """, CrontabBlock.Render(Settings));
    }

    [Fact]
    public void PercentSignsAndQuotesCannotBreakTheLine()
    {
        var line = CrontabBlock.Line(Settings with { RootDirectory = "/srv/it's 100%" }, ScheduleEntry.Defaults[0]);

        Assert.StartsWith(@"0 2 * * * cd '/srv/it'\''s 100\%' && ", line);
    }

    [Fact]
    public void InstallingAppendsTheBlockAndKeepsOtherLines()
    {
        var crontab = CrontabBlock.Replace("MAILTO=ops\n*/5 * * * * /usr/bin/true\n", Settings.Marker, CrontabBlock.Render(Settings));

        Assert.StartsWith("MAILTO=ops\n*/5 * * * * /usr/bin/true\n# BEGIN ", crontab);
        Assert.Equal(3, CrontabBlock.Find(crontab, Settings.Marker)!.Count);
    }

    [Fact]
    public void InstallingTwiceReplacesTheBlockInPlace()
    {
        var once = CrontabBlock.Replace("a\n", Settings.Marker, CrontabBlock.Render(Settings)) + "b\n";

        var twice = CrontabBlock.Replace(once, Settings.Marker, CrontabBlock.Render(Settings));

        Assert.Equal(once, twice);
    }

    [Fact]
    public void UninstallingRemovesOnlyItsOwnBlock()
    {
        var other = Settings with { Environment = "dev" };
        var both = CrontabBlock.Replace(CrontabBlock.Replace("a\n", Settings.Marker, CrontabBlock.Render(Settings)), other.Marker, CrontabBlock.Render(other));

        var left = CrontabBlock.Replace(both, Settings.Marker, null);

        Assert.Null(CrontabBlock.Find(left, Settings.Marker));
        Assert.NotNull(CrontabBlock.Find(left, other.Marker));
        Assert.StartsWith("a\n", left);
    }

    [Fact]
    public void ABlockWithoutItsEndIsAnErrorNotAGuess() =>
        Assert.Contains("without its END line",
            Assert.Throws<BackupException>(() => CrontabBlock.Replace(CrontabBlock.Begin(Settings.Marker) + "\nx\n", Settings.Marker, null)).Message);
}
