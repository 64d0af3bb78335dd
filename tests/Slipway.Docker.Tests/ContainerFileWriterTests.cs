using System.Formats.Tar;
using System.Text;
using Slipway.Docker;

namespace Slipway.Docker.Tests;

public sealed class ContainerFileWriterTests
{
    [Fact]
    public void TheArchiveHoldsEachFileWithItsOwnerAndModeRelativeToTheRoot()
    {
        var archive = ContainerFileWriter.Archive([new ContainerFile("/run/secrets/api_key", Encoding.UTF8.GetBytes("v"), UnixFileMode.UserRead)], 10001, 10002);

        var entry = new TarReader(archive).GetNextEntry()!;
        Assert.Equal(("run/secrets/api_key", 10001, 10002, UnixFileMode.UserRead), (entry.Name, entry.Uid, entry.Gid, entry.Mode));
        Assert.Equal("v", new StreamReader(entry.DataStream!).ReadToEnd());
    }

    [Fact]
    public void AFilePrintsWithoutItsContent()
    {
        var file = new ContainerFile("/run/secrets/api_key", Encoding.UTF8.GetBytes("hidden-value"), UnixFileMode.UserRead);

        Assert.DoesNotContain("hidden-value", file.ToString());
        Assert.DoesNotContain("hidden-value", System.Text.Json.JsonSerializer.Serialize(file));
    }

    [Fact]
    public void ARegistryEndpointPrintsWithoutItsPassword()
    {
        Assert.Equal("ci@127.0.0.1:5000", new RegistryEndpoint("127.0.0.1:5000", "ci", "hidden-password").ToString());
        Assert.DoesNotContain("hidden-password", new RegistryLogin("ci", "hidden-password").ToString());
    }
}
