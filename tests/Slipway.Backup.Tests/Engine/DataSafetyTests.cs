using Slipway.Backup.Tests.Support;
using Slipway.Docker;

namespace Slipway.Backup.Tests.Engine;

public sealed class DataSafetyTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task AVolumeDestroyedAfterABackupComesBackByteIdenticalWithOwnersModesAndLinks()
    {
        // Given a volume of mixed files and a host config file, backed up
        await using var repository = await TestRepository.CreateAsync();
        await using var volume = await TestVolume.CreateAsync(engine.Docker, TestVolume.MixedContent);
        using var root = new TempDirectory();
        var config = root.File("compose/prod.yml", "services: {}\n");
        var checksums = await volume.ChecksumsAsync();
        var listing = await volume.ListingAsync();
        var environment = Some.Environment();
        var backup = await Backups.Runner(engine, repository).RunAsync(Backups.Request(environment, volume) with
        {
            Files = [BackupFiles.Config(root.Path, config)],
        });

        // When the volume is destroyed, the config edited, and the snapshot restored
        await new VolumeOperations(engine.Docker).RemoveAsync(volume.Name);
        await File.WriteAllTextAsync(config, "services: {broken}\n");
        var restorer = Backups.Restorer(engine, repository);
        var plan = await restorer.PlanAsync(new RestoreRequest(environment, "latest", root.Path));
        await restorer.RestoreAsync(plan);

        // Then every file is byte-identical (sha256sum in a container), with the same owners, modes and links
        Assert.Equal(checksums, await volume.ChecksumsAsync());
        Assert.Equal(listing, await volume.ListingAsync());
        Assert.Equal("services: {}\n", await File.ReadAllTextAsync(config));
        var prefix = $"volumes/{volume.Name}/";
        // The manifest lists data once: a hard link is a link entry in the tar, not a second copy.
        Assert.Equal(checksums.Where(c => c.Key != "./hardlink.csv").OrderBy(c => c.Key), backup.Manifest.Files.Where(f => f.Path.StartsWith(prefix))
            .ToDictionary(f => "./" + f.Path[prefix.Length..], f => f.Sha256).OrderBy(c => c.Key));
        Assert.Contains(plan.Describe(), line => line.Contains($"replace volume {volume.Name}") && line.Contains("does not exist and is created"));
        Assert.Empty(await Backups.HelpersAsync(engine.Docker, volume));
    }

    [Fact]
    public async Task TheRestoreStopsTheServiceThatMountsTheVolumeAndStartsItAgain()
    {
        await using var repository = await TestRepository.CreateAsync();
        await using var volume = await TestVolume.CreateAsync(engine.Docker, "echo v1 > /data/value");
        var service = await volume.StartServiceAsync();
        var environment = Some.Environment();
        await Backups.Runner(engine, repository).RunAsync(Backups.Request(environment, volume));
        await volume.RunAsync("echo v2 > /data/value && echo junk > /data/new-file");
        var restorer = Backups.Restorer(engine, repository);

        var plan = await restorer.PlanAsync(new RestoreRequest(environment, "latest", "/nonexistent") { IncludeFiles = false });
        await restorer.RestoreAsync(plan);

        Assert.Equal([service], plan.Containers.Select(c => c.Id));
        Assert.Contains(plan.Describe(), line => line.StartsWith("stop, then start again: "));
        Assert.Equal("v1", (await volume.RunAsync("cat /data/value; ls /data")).Split('\n', StringSplitOptions.RemoveEmptyEntries)[0]);
        Assert.DoesNotContain("new-file", await volume.RunAsync("ls /data"));
        var state = await volume.StateAsync(service);
        Assert.True(state.Running && !state.Paused);
    }
}
