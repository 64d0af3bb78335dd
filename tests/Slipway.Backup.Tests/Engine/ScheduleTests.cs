using Slipway.Backup.Schedule;
using Slipway.Backup.Tests.Support;
using Slipway.Tooling;

namespace Slipway.Backup.Tests.Engine;

public sealed class ScheduleTests
{
    static async Task<string> CrontabAsync() =>
        (await ToolRunner.RunAsync(new ToolInvocation("crontab", ["-l"]) { ThrowOnFailure = false, Echo = OutputEcho.None })).StandardOutput;

    [Fact]
    public async Task InstallStatusAndUninstallWorkWithTheRealCrontabAndLeaveOtherEntriesAlone()
    {
        Assert.True(ToolRunner.IsOnPath("crontab"),
            "crontab is not installed: the Prerequisites target must install the Debian package 'cron' (apt-get install -y cron)");
        using var root = new TempDirectory();
        var schedule = new BackupSchedule(new ScheduleSettings(root.Path, "prod"));
        var before = await CrontabAsync();

        await schedule.InstallAsync();
        await schedule.InstallAsync();
        var installed = await schedule.StatusAsync();
        var table = await CrontabAsync();
        await schedule.UninstallAsync();
        var removed = await schedule.StatusAsync();

        Assert.True(installed.IsInstalled);
        Assert.Equal(["daily", "weekly", "monthly"], installed.Lines.Select(l => l.Split("--kind ")[1].Split(' ')[0]));
        Assert.Single(table.Split('\n'), l => l.StartsWith("# BEGIN slipway backup --env prod in " + root.Path));
        Assert.Contains($"0 2 * * * cd '{root.Path}' && mkdir -p 'logs' && PATH=", table);
        Assert.True(Directory.Exists(Path.Combine(root.Path, "logs")));
        Assert.False(removed.IsInstalled);
        Assert.Equal(before, await CrontabAsync());
    }
}
