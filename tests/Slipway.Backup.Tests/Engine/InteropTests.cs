using System.Security.Cryptography;
using Slipway.Backup.Restic;
using Slipway.Backup.Tests.Support;
using Slipway.Tooling;

namespace Slipway.Backup.Tests.Engine;

public sealed class InteropTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task PlainResticListsRestoresAndDumpsTheSnapshotWithoutThisProject()
    {
        // Given a backup made by the library
        await using var repository = await TestRepository.CreateAsync();
        await using var volume = await TestVolume.CreateAsync(engine.Docker, TestVolume.MixedContent);
        var environment = Some.Environment();
        var backup = await Backups.Runner(engine, repository).RunAsync(Backups.Request(environment, volume));
        using var target = new TempDirectory();

        // When a person uses restic and tar only
        var snapshots = ResticSnapshot.ParseList((await repository.ResticAsync("snapshots", "--json")).StandardOutput);
        var restored = await repository.ResticAsync("restore", "latest", "--target", target.Path);
        var tar = Path.Combine(target.Path, $"{environment}.tar");
        var listing = await ToolRunner.RunAsync(new ToolInvocation("tar", ["-tf", tar]) { Echo = OutputEcho.None });
        await ToolRunner.RunAsync(new ToolInvocation("tar", ["-xf", tar, "-C", target.Path]) { Echo = OutputEcho.None });
        var dumped = await repository.ResticAsync("dump", "latest", $"/{environment}.tar");

        // Then the snapshot is there with its tags, and the tar holds the volume's files with the manifest last
        var snapshot = Assert.Single(snapshots);
        Assert.Equal((environment, "daily", "1.0.0", Some.Commit), (snapshot.Environment, snapshot.Kind, snapshot.Release, snapshot.Commit));
        Assert.True(restored.Succeeded, restored.StandardError);
        var entries = listing.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("MANIFEST.json", entries[^1]);
        Assert.Contains($"volumes/{volume.Name}/db/readings.csv", entries);
        var segment = backup.Manifest.Files.Single(f => f.Path.EndsWith("db/wal/segment-0001"));
        Assert.Equal(segment.Sha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(target.Path, segment.Path)))));
        Assert.True(dumped.Succeeded && dumped.StandardOutput.Contains("MANIFEST.json"));
    }
}
