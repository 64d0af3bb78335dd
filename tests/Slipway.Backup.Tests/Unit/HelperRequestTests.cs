using Slipway.Backup.Archive;

namespace Slipway.Backup.Tests.Unit;

public sealed class HelperRequestTests
{
    [Fact]
    public void TheHelperMountsTheVolumeReadOnlyWithoutNetworkAndIsLabelled()
    {
        var request = VolumeArchive.HelperRequest("slipway/debian:bookworm-minbase", "app_data", readOnly: true, ["true"]);

        var mount = Assert.Single(request.HostConfig!.Mounts!);
        Assert.Equal(("volume", "app_data", "/volume", true), (mount.Type, mount.Source, mount.Target, mount.ReadOnly));
        Assert.Equal("backup-helper", request.Labels[VolumeArchive.RoleLabel]);
        Assert.Equal("none", request.HostConfig.NetworkMode);
    }

    [Theory]
    [InlineData("volume", "volumes/app_data/")]
    [InlineData("volume/", "volumes/app_data/")]
    [InlineData("volume/db/x", "volumes/app_data/db/x")]
    public void EngineEntriesMoveUnderTheVolumesName(string engine, string archive)
    {
        Assert.Equal(archive, ArchivePaths.FromEngine("app_data", engine));
        Assert.Equal("app_data", ArchivePaths.VolumeOf(archive));
    }

    [Fact]
    public void RestoredEntriesGoBackUnderTheMountPoint() =>
        Assert.Equal("volume/db/x", ArchivePaths.ToEngine("app_data", "volumes/app_data/db/x"));
}
