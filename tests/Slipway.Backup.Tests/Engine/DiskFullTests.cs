using Slipway.Backup.Restic;
using Slipway.Backup.Tests.Support;
using Slipway.Tooling;

namespace Slipway.Backup.Tests.Engine;

public sealed class DiskFullTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task ABackupOntoAFullDiskFailsCleanlyLeavesNoSnapshotAndUnpausesTheService()
    {
        // Given a repository on an 8 MiB tmpfs and a running service on a volume of 24 MiB of random data
        using var mountPoint = new TempDirectory();
        await ToolRunner.RunAsync(new ToolInvocation("mount", ["-t", "tmpfs", "-o", "size=8m", "tmpfs", mountPoint.Path]));
        try
        {
            await using var repository = await TestRepository.CreateAsync(Path.Combine(mountPoint.Path, "repo"));
            await using var volume = await TestVolume.CreateAsync(engine.Docker, "head -c 25165824 /dev/urandom > /data/big.bin");
            var service = await volume.StartServiceAsync();

            // When the backup runs out of space
            var e = await Assert.ThrowsAsync<BackupException>(() => Backups.Runner(engine, repository).RunAsync(Backups.Request(Some.Environment(), volume)));

            // Then it says so, the service runs unpaused, and neither a snapshot nor a lock nor a helper is left
            Assert.True(e.Reason == BackupFailure.DiskFull, e.Message);
            Assert.StartsWith($"the restic repository {repository.Location} ran out of disk space during backup", e.Message);
            var state = await volume.StateAsync(service);
            Assert.True(state.Running && !state.Paused);
            Assert.Empty(await repository.Repository.SnapshotsAsync([]));
            Assert.Empty(await new ResticLocks(repository.Repository).ListAsync());
            Assert.Empty(await Backups.HelpersAsync(engine.Docker, volume));
        }
        finally
        {
            await ToolRunner.RunAsync(new ToolInvocation("umount", [mountPoint.Path]) { ThrowOnFailure = false });
        }
    }
}
