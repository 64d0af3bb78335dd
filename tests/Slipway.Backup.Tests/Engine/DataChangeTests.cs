using Slipway.Backup.Archive;
using Slipway.Backup.Tests.Support;

namespace Slipway.Backup.Tests.Engine;

public sealed class DataChangeTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task DataIsUnchangedRightAfterTheSnapshotAndChangedAfterAMigration()
    {
        await using var repository = await TestRepository.CreateAsync();
        await using var volume = await TestVolume.CreateAsync(engine.Docker, TestVolume.MixedContent);
        var preDeploy = await Backups.Runner(engine, repository).RunAsync(Backups.Request(Some.Environment(), volume) with { Kind = BackupKind.PreDeploy });
        var detector = new DataChangeDetector(new VolumeArchive(engine.Docker, EngineFixture.HelperImage));

        var before = await detector.CompareAsync(preDeploy.Manifest);
        await volume.RunAsync("echo 'ALTER TABLE readings ADD unit' >> /data/db/readings.csv && echo v2 > /data/db/schema-version");
        var after = await detector.CompareAsync(preDeploy.Manifest);

        Assert.True(before.IsEmpty);
        Assert.Equal(["volumes/" + volume.Name + "/db/schema-version"], after.Added);
        Assert.Equal(["volumes/" + volume.Name + "/db/readings.csv"], after.Changed);
        Assert.Equal(RollbackDataAction.AskThenRestore, RollbackData.Decide(after, RollbackDataMode.Offer, canAsk: true));
    }
}
