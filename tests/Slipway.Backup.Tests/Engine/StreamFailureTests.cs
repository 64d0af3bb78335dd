using Slipway.Backup.Restic;
using Slipway.Backup.Tests.Support;

namespace Slipway.Backup.Tests.Engine;

public sealed class StreamFailureTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task AProducerThatFailsMidStreamLeavesNoSnapshotAndNoLock()
    {
        await using var repository = await TestRepository.CreateAsync();
        var backup = new ResticBackup("dump.tar", [SnapshotTags.Environment("prod"), "run=failing"]);

        var e = await Assert.ThrowsAsync<BackupException>(() => repository.Repository.BackupAsync(backup, async (stdin, ct) =>
        {
            await stdin.WriteAsync(new byte[5 << 20], ct);
            throw new IOException("pg_dump exited with code 1");
        }));

        Assert.Equal(BackupFailure.StreamFailed, e.Reason);
        Assert.Equal("the backup stream failed (pg_dump exited with code 1); restic was stopped before it could save a snapshot", e.Message);
        Assert.Empty(await repository.Repository.SnapshotsAsync([]));
        Assert.Empty(await new ResticLocks(repository.Repository).ListAsync());
    }

    [Fact]
    public async Task ACancelledBackupLeavesNoSnapshotAndUnpausesTheService()
    {
        // Given a service on a volume big enough that the backup is still reading it when cancelled
        await using var repository = await TestRepository.CreateAsync();
        await using var volume = await TestVolume.CreateAsync(engine.Docker, "for i in $(seq 1 4); do head -c 8388608 /dev/urandom > /data/part-$i; done");
        var service = await volume.StartServiceAsync();
        using var cancel = new CancellationTokenSource();
        var sawPaused = false;
        var request = Backups.Request(Some.Environment(), volume) with
        {
            Progress = new SynchronousProgress(p =>
            {
                if (p.BytesDone < 4 << 20 || cancel.IsCancellationRequested) return;
                sawPaused = Task.Run(() => volume.StateAsync(service)).GetAwaiter().GetResult().Paused;
                cancel.Cancel();
            }),
        };

        // When the backup is cancelled mid-stream
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Backups.Runner(engine, repository).RunAsync(request, cancel.Token));

        // Then the service was paused while its volume was read, runs unpaused now, and nothing is left behind
        Assert.True(sawPaused);
        var state = await volume.StateAsync(service);
        Assert.True(state.Running && !state.Paused);
        Assert.Empty(await repository.Repository.SnapshotsAsync([]));
        Assert.Empty(await new ResticLocks(repository.Repository).ListAsync());
        Assert.Empty(await Backups.HelpersAsync(engine.Docker, volume));
    }

    sealed class SynchronousProgress(Action<TransferProgress> onReport) : IProgress<TransferProgress>
    {
        public void Report(TransferProgress value) => onReport(value);
    }
}
