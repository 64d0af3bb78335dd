using System.Diagnostics;
using Slipway.Backup.Restic;
using Slipway.Backup.Tests.Support;

namespace Slipway.Backup.Tests.Engine;

public sealed class LockTests
{
    /// <summary>A real restic backup reading a stdin that never ends: it holds its lock until killed.</summary>
    static async Task<Process> StartHangingBackupAsync(TestRepository repository)
    {
        var info = new ProcessStartInfo("restic") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-r", repository.Location, "backup", "--stdin", "--stdin-filename", "hang.tar" }) info.ArgumentList.Add(arg);
        info.Environment["RESTIC_PASSWORD"] = repository.Password.Reveal();
        var process = Process.Start(info)!;
        var locks = new ResticLocks(repository.Repository);
        for (var i = 0; i < 100 && (await locks.ListAsync()).Count == 0; i++) await Task.Delay(100);
        return process;
    }

    static async Task TwoDaysOfSnapshotsAsync(TestRepository repository)
    {
        await Backups.TinyAsync(repository, "prod", BackupKind.Daily, DateTimeOffset.UtcNow.AddDays(-3));
        await Backups.TinyAsync(repository, "prod", BackupKind.Daily, DateTimeOffset.UtcNow.AddDays(-2));
    }

    [Fact]
    public async Task TheStaleLockOfAKilledBackupIsReportedAndThenRemoved()
    {
        // Given the lock of a backup killed with SIGKILL
        await using var repository = await TestRepository.CreateAsync();
        await TwoDaysOfSnapshotsAsync(repository);
        using var killed = await StartHangingBackupAsync(repository);
        killed.Kill();
        await killed.WaitForExitAsync();
        var locks = new ResticLocks(repository.Repository);

        // When restic's exclusive forget meets it, and then retention runs
        var oldest = (await repository.Repository.SnapshotsAsync([]))[0];
        var blocked = await Assert.ThrowsAsync<BackupException>(() => repository.Repository.ForgetAsync([oldest.Id], prune: false));
        var found = Assert.Single(await locks.ListAsync());
        var forgotten = await new RetentionPolicy(1).ApplyAsync(repository.Repository, "prod", prune: false);

        // Then the lock named the killed process and was stale, and retention broke it and went on
        Assert.Equal(BackupFailure.RepositoryLocked, blocked.Reason);
        Assert.Contains($"is locked by PID {killed.Id} on ", blocked.Message);
        Assert.Equal(killed.Id, found.Pid);
        Assert.True(found.IsStale(DateTimeOffset.UtcNow, System.Net.Dns.GetHostName(), ResticLocks.ProcessExists));
        Assert.Equal(oldest.Id, Assert.Single(forgotten).Id);
        Assert.Empty(await locks.ListAsync());
    }

    [Fact]
    public async Task AnExclusiveOperationBlockedByALiveLockSaysWhoHoldsIt()
    {
        await using var repository = await TestRepository.CreateAsync();
        await TwoDaysOfSnapshotsAsync(repository);
        using var live = await StartHangingBackupAsync(repository);
        try
        {
            var e = await Assert.ThrowsAsync<BackupException>(() => new RetentionPolicy(1).ApplyAsync(repository.Repository, "prod", prune: false));
            var remaining = await new ResticLocks(repository.Repository).RemoveStaleAsync();

            Assert.Equal(BackupFailure.RepositoryLocked, e.Reason);
            Assert.Contains($"is locked by PID {live.Id} on {System.Net.Dns.GetHostName()}", e.Message);
            Assert.Equal(live.Id, Assert.Single(remaining).Pid);
        }
        finally
        {
            live.Kill();
            await live.WaitForExitAsync();
        }
    }
}
