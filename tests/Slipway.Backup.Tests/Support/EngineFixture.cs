using Docker.DotNet;
using Slipway.Docker;

namespace Slipway.Backup.Tests.Support;

/// <summary>The real Docker engine with the bootstrapped base image, which doubles as the backup helper image.</summary>
/// <remarks>A missing engine or restic fails every test that uses this fixture; it never skips.</remarks>
public sealed class EngineFixture : IAsyncLifetime
{
    public const string HelperImage = "slipway/debian:bookworm-minbase";
    public IDockerClient Docker { get; private set; } = null!;
    readonly TempDirectory _rootfs = new();

    public async Task InitializeAsync()
    {
        Docker = await DockerConnection.ConnectAsync(System.Environment.GetEnvironmentVariable("DOCKER_HOST"));
        await new BaseImageBootstrapper(new ImageOperations(Docker), _rootfs.Path)
            .EnsureAsync(ImageRef.Parse(HelperImage), "bookworm", "http://deb.debian.org/debian");
        Assert.True(Slipway.Tooling.ToolRunner.IsOnPath("restic"), "restic is not installed; ./build.sh Prerequisites installs it");
    }

    public Task DisposeAsync()
    {
        Docker.Dispose();
        _rootfs.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "real engine and restic";
}
