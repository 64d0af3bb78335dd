using Slipway.Backup.Restic;

namespace Slipway.Backup.Tests.Unit;

public sealed class ResticErrorsTests
{
    const string Repo = "/srv/backups";

    [Fact]
    public void AWrongPasswordIsOneLineNamingTheRepositoryAndTheParameter()
    {
        var e = ResticErrors.Classify("snapshots", 1, "Fatal: wrong password or no key found\n", Repo);

        Assert.Equal(BackupFailure.WrongPassword, e.Reason);
        Assert.Equal("wrong password for the restic repository /srv/backups; pass its password with --backup-password (or backup_password in the secrets file)", e.Message);
    }

    [Fact]
    public void AMissingRepositoryOffersInit()
    {
        var e = ResticErrors.Classify("cat", 1, "Fatal: unable to open config file: stat /srv/backups/config: no such file or directory\nIs there a repository at the following location?\n/srv/backups\n", Repo);

        Assert.Equal(BackupFailure.RepositoryMissing, e.Reason);
        Assert.Contains("--init", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void ALockedRepositorySaysWhoHoldsTheLockAndSince()
    {
        var e = ResticErrors.Classify("forget", 1, """
            unable to create lock in backend: repository is already locked exclusively by PID 4242 on backup-host by root (UID 0, GID 0)
            lock was created at 2026-11-23 12:25:15 (3m2s ago)
            storage ID 792c4516
            the `unlock` command can be used to remove stale locks
            """, Repo);

        Assert.Equal(BackupFailure.RepositoryLocked, e.Reason);
        Assert.Equal("the restic repository /srv/backups is locked exclusively by PID 4242 on backup-host by root (UID 0, GID 0) since 2026-11-23 12:25:15 (3m2s ago); " +
            "wait for that run to finish, or if it is gone run with --force-unlock", e.Message);
    }

    [Fact]
    public void AFullDiskIsNamed()
    {
        var e = ResticErrors.Classify("backup", 1, "Fatal: unable to save snapshot: write /srv/backups/data/d8/d8de-tmp: no space left on device\n", Repo);

        Assert.Equal(BackupFailure.DiskFull, e.Reason);
        Assert.StartsWith("the restic repository /srv/backups ran out of disk space during backup", e.Message);
    }

    [Fact]
    public void AnUnknownSnapshotIsNamed()
    {
        var e = ResticErrors.Classify("dump", 1, "invalid id \"deadbeef\": no matching ID found for prefix \"deadbeef\"\n", Repo);

        Assert.Equal(BackupFailure.SnapshotNotFound, e.Reason);
        Assert.StartsWith("no snapshot 'deadbeef' in the restic repository /srv/backups", e.Message);
    }

    [Fact]
    public void AnythingElseKeepsResticsFirstLine()
    {
        var e = ResticErrors.Classify("check", 1, "Fatal: something odd happened\nmore detail\n", Repo);

        Assert.Equal("restic check failed with exit code 1 on /srv/backups: something odd happened", e.Message);
    }
}
