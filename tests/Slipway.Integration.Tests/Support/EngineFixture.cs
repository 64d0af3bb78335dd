using Docker.DotNet;
using Slipway.Docker;
using Slipway.Tooling;

namespace Slipway.Integration.Tests.Support;

/// <summary>The real Docker engine, a real registry on a test port, the bootstrapped base image and the sample service published once.</summary>
/// <remarks>A missing engine fails every test that uses this fixture; it never skips.</remarks>
public sealed class EngineFixture : IAsyncLifetime
{
    public const string BaseImage = "slipway/debian:bookworm-minbase";
    public const string Commit = "0123456789abcdef0123456789abcdef01234567";
    /// <summary>Chosen free at start, so concurrent runs (two checkouts, a helper's run) never stop each other's registry.</summary>
    public int RegistryPort { get; } = FreePorts.Next();

    public IDockerClient Docker { get; private set; } = null!;
    public ImageOperations Images => new(Docker);
    public ContainerOperations Containers => new(Docker);
    public RegistryEndpoint Registry { get; private set; } = null!;
    public string PublishDirectory { get; private set; } = null!;
    public string Dockerfile => Path.Combine(Repository.Root, "src", "SampleService", "Dockerfile");
    string _registryState = null!;

    public async Task InitializeAsync()
    {
        Docker = await DockerConnection.ConnectAsync(Environment.GetEnvironmentVariable("DOCKER_HOST"));
        await new BaseImageBootstrapper(Images, Repository.TempDirectory("rootfs"))
            .EnsureAsync(ImageRef.Parse(BaseImage), "bookworm", "http://deb.debian.org/debian");
        _registryState = Repository.TempDirectory("registry");
        Registry = await new EmbeddedRegistry(_registryState, RegistryPort).EnsureRunningAsync();
        PublishDirectory = Repository.TempDirectory("publish");
        await DotNetTasks.PublishAsync(Path.Combine(Repository.Root, "src", "SampleService", "SampleService.csproj"), PublishDirectory,
            "linux-x64", new Dictionary<string, string> { ["Version"] = "9.9.9", ["SourceRevisionId"] = Commit });
    }

    public async Task DisposeAsync()
    {
        var pidFile = Path.Combine(_registryState, "registry", "registry.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
            try { System.Diagnostics.Process.GetProcessById(pid).Kill(); } catch (ArgumentException) { }
        Docker.Dispose();
        await Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "real engine";
}
