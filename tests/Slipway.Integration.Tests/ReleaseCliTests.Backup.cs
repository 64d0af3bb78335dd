using System.Net.Http.Json;

namespace Slipway.Integration.Tests;

/// <summary>Backup, verify, restore and the pre-deploy snapshot through the compiled build, on the real engine and the real restic.</summary>
public sealed partial class ReleaseCliTests
{
    readonly string _backupRepository = Support.Repository.TempDirectory("cli-restic");

    string[] BackupArgs(params string[] more) =>
        ["--backup-repository", _backupRepository, "--backup-password", "it-only-password", "--init", "true", .. more];

    Task<Slipway.Tooling.ToolResult> BackupBuildAsync(string target, params string[] more) => BuildAsync(target, BackupArgs(more));

    async Task AddReadingAsync(string sensor) =>
        (await Http.PostAsJsonAsync($"http://127.0.0.1:{_port}/readings", new { sensor, value = 1.5 })).EnsureSuccessStatusCode();

    Task<string> ReadingsAsync() => Http.GetStringAsync($"http://127.0.0.1:{_port}/readings");

    [Fact]
    public async Task ABackupIsListedVerifiedAndRestoredAndARestoreWithoutATerminalRefusesToAsk()
    {
        // Given a deployed environment with one reading, backed up, and a reading added after the backup
        Assert.Equal(0, (await BuildAsync("Deploy", "--version", "1.0.0")).ExitCode);
        await AddReadingAsync("before-backup");
        var backup = await BackupBuildAsync("Backup");
        Assert.Equal(0, backup.ExitCode);
        await AddReadingAsync("after-backup");

        // Then the snapshot is listed and verifies
        var listing = await BackupBuildAsync("Backups");
        Assert.Equal(0, listing.ExitCode);
        Assert.Contains("1 snapshots of", listing.StandardOutput);
        var verify = await BackupBuildAsync("VerifyBackup", "--read-data-subset", "100%");
        Assert.Equal(0, verify.ExitCode);
        Assert.Contains("match MANIFEST.json", verify.StandardOutput);

        // A restore with no terminal to ask at changes nothing
        var refused = await BackupBuildAsync("Restore");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("no terminal to ask at; pass --force", refused.StandardOutput);
        Assert.Contains("after-backup", await ReadingsAsync());

        // With --force it shows what it replaces, restores, and the smoke test passes
        var restored = await BackupBuildAsync("Restore", "--force");
        Assert.Equal(0, restored.ExitCode);
        Assert.Contains("replace volume", restored.StandardOutput);
        Assert.Matches(@"SmokeTest\s+Succeeded", restored.StandardOutput);
        var readings = await ReadingsAsync();
        Assert.Contains("before-backup", readings);
        Assert.DoesNotContain("after-backup", readings);
    }

    [Fact]
    public async Task ADeployAfterAPreDeploySnapshotThatFailsItsSmokeTestSaysWhatBecameOfTheDataAndLosesNothing()
    {
        // Given a stable release with a reading
        Assert.Equal(0, (await BuildAsync("Deploy", "--version", "1.0.0")).ExitCode);
        await AddReadingAsync("kept");

        // When a bad release is deployed with a snapshot before it, and data restore on rollback
        var bad = await BackupBuildAsync("Deploy", "--version", "6.6.6", "--snapshot-before", _environment, "--data-on-rollback", "restore");

        // Then the snapshot ran first, the rollback says what it did with the data, and the reading is there
        Assert.Equal(1, bad.ExitCode);
        Assert.Matches(@"PreDeploySnapshot\s+Succeeded", bad.StandardOutput);
        Assert.Matches("(unchanged since pre-deploy snapshot|restoring pre-deploy snapshot)", bad.StandardOutput);
        Assert.Contains("kept", await ReadingsAsync());
        var snapshots = await BackupBuildAsync("Backups");
        Assert.Contains("pre-deploy", snapshots.StandardOutput);
    }

    [Fact]
    public async Task ARepositoryThatDoesNotExistIsNeverCreatedSilentlyAndTheErrorOffersInit()
    {
        var mistyped = Path.Combine(_backupRepository, "mistyped");

        var run = await BuildAsync("Backups", "--backup-repository", mistyped, "--backup-password", "it-only-password");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"no restic repository at {mistyped}; create it there with --init", run.StandardOutput);
        Assert.False(Directory.Exists(mistyped));
    }
}
