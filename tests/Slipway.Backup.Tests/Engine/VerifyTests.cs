using Slipway.Backup.Tests.Support;

namespace Slipway.Backup.Tests.Engine;

public sealed class VerifyTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task AnIntactSnapshotPassesResticCheckAndItsManifestAfterARestoreToScratch()
    {
        await using var repository = await TestRepository.CreateAsync();
        await using var volume = await TestVolume.CreateAsync(engine.Docker, TestVolume.MixedContent);
        var environment = Some.Environment();
        var backup = await Backups.Runner(engine, repository).RunAsync(Backups.Request(environment, volume));
        Directory.CreateDirectory(repository.Scratch);

        var content = await new BackupVerifier(repository.Repository).VerifyAsync(new VerifyRequest(null, backup.Snapshot.ShortId, repository.Scratch) { ReadDataSubset = "100%" });

        Assert.Equal(backup.Manifest.Files.Count, content.Files.Count);
        Assert.True(content.Check().IsEmpty);
        Assert.Empty(Directory.EnumerateFileSystemEntries(repository.Scratch));
    }

    [Fact]
    public async Task ADamagedPackFailsVerification()
    {
        await using var repository = await TestRepository.CreateAsync();
        await using var volume = await TestVolume.CreateAsync(engine.Docker, "head -c 2000000 /dev/urandom > /data/blob");
        var environment = Some.Environment();
        await Backups.Runner(engine, repository).RunAsync(Backups.Request(environment, volume));
        var pack = Directory.EnumerateFiles(Path.Combine(repository.Location, "data"), "*", SearchOption.AllDirectories).MaxBy(f => new FileInfo(f).Length)!;
        await using (var file = File.Open(pack, FileMode.Open))
        {
            file.Position = file.Length / 2;
            var original = file.ReadByte();
            file.Position = file.Length / 2;
            file.WriteByte((byte)(original ^ 0xff));
        }

        var e = await Assert.ThrowsAsync<BackupException>(() =>
            new BackupVerifier(repository.Repository).VerifyAsync(new VerifyRequest(environment, "latest", repository.Scratch) { ReadDataSubset = "100%" }));

        Assert.Equal(BackupFailure.DataMismatch, e.Reason);
        Assert.StartsWith($"restic check found the repository {repository.Location} damaged", e.Message);
    }
}
