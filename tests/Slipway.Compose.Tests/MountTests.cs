using Slipway.Compose.Tests.Support;

namespace Slipway.Compose.Tests;

public sealed class MountTests
{
    private const string DataVolume = "volumes:\n  data:\n";

    [Fact]
    public void ShortNamedVolumeMountsAreRead()
    {
        var web = Inline.Web("volumes:\n  - data:/var/lib/data\n  - data:/srv/ro:ro\n  - data:/srv/rw:rw", DataVolume);

        Assert.Equal(
            [
                new VolumeMount(MountType.Volume, "data", "/var/lib/data", false),
                new VolumeMount(MountType.Volume, "data", "/srv/ro", true),
                new VolumeMount(MountType.Volume, "data", "/srv/rw", false),
            ],
            web.Volumes);
    }

    [Fact]
    public void RelativeBindMountsResolveAgainstTheFirstFilesDirectory()
    {
        var web = Inline.Web("volumes:\n  - ./config:/app/config:ro\n  - ../shared:/shared\n  - /etc/ssl:/etc/ssl:ro");

        Assert.Equal(
            [
                new VolumeMount(MountType.Bind, Path.GetFullPath("compose/config"), "/app/config", true),
                new VolumeMount(MountType.Bind, Path.GetFullPath("shared"), "/shared", false),
                new VolumeMount(MountType.Bind, "/etc/ssl", "/etc/ssl", true),
            ],
            web.Volumes);
    }

    [Fact]
    public void LongMountFormsAreRead()
    {
        var web = Inline.Web("""
            volumes:
              - type: volume
                source: data
                target: /data
                read_only: true
              - type: bind
                source: ./logs
                target: /logs
              - type: tmpfs
                target: /tmp
            """, DataVolume);

        Assert.Equal(
            [
                new VolumeMount(MountType.Volume, "data", "/data", true),
                new VolumeMount(MountType.Bind, Path.GetFullPath("compose/logs"), "/logs", false),
                new VolumeMount(MountType.Tmpfs, null, "/tmp", false),
            ],
            web.Volumes);
    }

    [Fact]
    public void AnUndeclaredNamedVolumeIsRefused()
    {
        var error = Inline.RefuseWeb("volumes:\n  - cache:/cache", DataVolume);

        Assert.Equal("compose/app.yml:5:9 services/web/volumes/0: named volume 'cache' is not declared (add it under top-level volumes; declared: data)", error.Message);
    }

    [Theory]
    [InlineData("data:/srv:z")]
    [InlineData("/just/a/path")]
    [InlineData("data:/a:ro:extra")]
    public void AnInvalidShortMountIsRefused(string mount)
    {
        var error = Inline.RefuseWeb($"volumes:\n  - {mount}", DataVolume);

        Assert.Equal($"compose/app.yml:5:9 services/web/volumes/0: invalid volume '{mount}' "
            + "(use \"name:/path\", \"./host/path:/path\" or \"/host/path:/path\", optionally with :ro)", error.Message);
    }

    [Fact]
    public void ARelativeMountTargetIsRefused()
    {
        var error = Inline.RefuseWeb("volumes:\n  - data:srv", DataVolume);

        Assert.Equal("compose/app.yml:5:9 services/web/volumes/0: invalid mount target 'srv' (expected an absolute path in the container)", error.Message);
    }

    [Fact]
    public void ALongMountWithoutASourceIsRefused()
    {
        var error = Inline.RefuseWeb("volumes:\n  - type: bind\n    target: /x");

        Assert.Equal("compose/app.yml:5:9 services/web/volumes/0: missing required key 'source' for a bind mount", error.Message);
    }

    [Fact]
    public void AnUnknownMountTypeIsRefused()
    {
        var error = Inline.RefuseWeb("volumes:\n  - type: npipe\n    target: /x");

        Assert.Equal("compose/app.yml:5:15 services/web/volumes/0/type: invalid mount type 'npipe' (use volume, bind or tmpfs)", error.Message);
    }
}
