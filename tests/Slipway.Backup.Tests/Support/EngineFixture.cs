using Docker.DotNet;
using Slipway.Docker;

namespace Slipway.Backup.Tests.Support;

/// <summary>The real Docker engine with the bootstrapped base image, which doubles as the backup helper image.</summary>
/// <remarks>One per test class, so classes run in parallel; a missing engine or restic fails every test that uses it, never skips.</remarks>
public sealed class EngineFixture : IAsyncLifetime
{
    public const string HelperImage = "slipway/debian:bookworm-minbase";
    static readonly SemaphoreSlim s_bootstrapGate = new(1, 1);
    public IDockerClient Docker { get; private set; } = null!;
    readonly TempDirectory _rootfs = new();

    public async Task InitializeAsync()
    {
        Docker = await DockerConnection.ConnectAsync(System.Environment.GetEnvironmentVariable("DOCKER_HOST"));
        await s_bootstrapGate.WaitAsync();
        try
        {
            await new BaseImageBootstrapper(new ImageOperations(Docker), _rootfs.Path)
                .EnsureAsync(ImageRef.Parse(HelperImage), "bookworm", "http://deb.debian.org/debian");
        }
        finally { s_bootstrapGate.Release(); }
        Assert.True(Slipway.Tooling.ToolRunner.IsOnPath("restic"), "restic is not installed; ./build.sh Prerequisites installs it");
    }

    public Task DisposeAsync()
    {
        Docker.Dispose();
        _rootfs.Dispose();
        return Task.CompletedTask;
    }
}
