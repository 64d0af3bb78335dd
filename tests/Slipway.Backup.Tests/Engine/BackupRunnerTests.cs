using Slipway.Backup.Tests.Support;

namespace Slipway.Backup.Tests.Engine;

public sealed class BackupRunnerTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task ABackupPausesTheServiceOnlyWhileReadingAndTagsTheSnapshot()
    {
        await using var repository = await TestRepository.CreateAsync();
        await using var volume = await TestVolume.CreateAsync(engine.Docker, TestVolume.MixedContent);
        var service = await volume.StartServiceAsync();
        var environment = Some.Environment();

        var result = await Backups.Runner(engine, repository).RunAsync(Backups.Request(environment, volume) with { Kind = BackupKind.PreDeploy, Release = "2.0.1" });

        var state = await volume.StateAsync(service);
        Assert.True(state.Running && !state.Paused);
        Assert.InRange(result.Paused, TimeSpan.FromTicks(1), result.Duration);
        Assert.Equal((environment, "pre-deploy", "2.0.1", Some.Commit), (result.Snapshot.Environment, result.Snapshot.Kind, result.Snapshot.Release, result.Snapshot.Commit));
        Assert.True(result.Summary.TotalBytesProcessed > result.Manifest.TotalBytes);
        Assert.Empty(await Backups.HelpersAsync(engine.Docker, volume));
    }

    [Fact]
    public async Task AnUnchangedSecondBackupAddsAlmostNothingAndSaysNothingChanged()
    {
        await using var repository = await TestRepository.CreateAsync();
        await using var volume = await TestVolume.CreateAsync(engine.Docker, TestVolume.MixedContent);
        var environment = Some.Environment();
        var runner = Backups.Runner(engine, repository);
        var first = await runner.RunAsync(Backups.Request(environment, volume));

        var second = await runner.RunAsync(Backups.Request(environment, volume) with { PreviousManifest = first.Manifest });
        await volume.RunAsync("echo changed >> /data/db/readings.csv");
        var third = await runner.RunAsync(Backups.Request(environment, volume) with { PreviousManifest = second.Manifest });

        Assert.True(first.Summary.DataAdded > 3_000_000);
        Assert.InRange(second.Summary.DataAdded, 0, 4096);
        Assert.True(second.Changes!.IsEmpty);
        Assert.Equal(["volumes/" + volume.Name + "/db/readings.csv"], third.Changes!.Changed);
    }

    [Fact]
    public async Task AMissingVolumeFailsBeforeAnythingIsWritten()
    {
        await using var repository = await TestRepository.CreateAsync();
        var volume = new TestVolume(engine.Docker);

        var e = await Assert.ThrowsAsync<BackupException>(() => Backups.Runner(engine, repository).RunAsync(Backups.Request(Some.Environment(), volume)));

        Assert.StartsWith($"volume {volume.Name} does not exist on the engine", e.Message);
        Assert.Empty(await repository.Repository.SnapshotsAsync([]));
        Assert.False(await new Slipway.Docker.VolumeOperations(engine.Docker).ExistsAsync(volume.Name));
    }

    [Fact]
    public async Task APreDeploySnapshotBeforeTheFirstDeployGoesWithoutTheMissingVolume()
    {
        await using var repository = await TestRepository.CreateAsync();
        var missing = new TestVolume(engine.Docker);
        using var root = new TempDirectory();

        var result = await Backups.Runner(engine, repository).RunAsync(Backups.Request(Some.Environment(), missing) with
        {
            Kind = BackupKind.PreDeploy, SkipMissingVolumes = true, Files = [BackupFiles.Config(root.Path, root.File("compose/prod.yml", "services: {}\n"))],
        });

        Assert.Empty(result.Manifest.Volumes);
        Assert.Equal(["config/compose/prod.yml"], result.Manifest.Files.Select(f => f.Path));
        Assert.False(await new Slipway.Docker.VolumeOperations(engine.Docker).ExistsAsync(missing.Name));
    }
}
