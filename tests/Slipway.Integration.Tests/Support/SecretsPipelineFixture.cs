using System.Net;
using System.Net.Sockets;
using Docker.DotNet;
using Slipway.Deploy.Locking;
using Slipway.Deploy.State;
using Slipway.Docker;
using Slipway.Secrets.Pipeline;
using Slipway.Tooling;

namespace Slipway.Integration.Tests.Support;

/// <summary>
/// One full pipeline run through the compiled build (publish, build, push, deploy, smoke test) with a secrets file of
/// known random values: the registry login comes from it (a registry on a test port that requires exactly that login),
/// and the sample service gets its api_key. Its own environment, compose folder, state store and age key; all removed at the end.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SecretsPipelineFixture : IAsyncLifetime
{
    public int RegistryPort { get; } = FreePorts.Next();
    public const string ImageName = "slipway-it-secrets";

    public string Environment { get; } = $"it{Guid.NewGuid():N}"[..10];
    public string StateName { get; } = $"slipway-state-it-{Guid.NewGuid():N}"[..28];
    public int Port { get; } = FreePort();
    public string ProjectName => $"{ImageName}-{Environment}";
    public IDockerClient Docker { get; private set; } = null!;
    public RegistryEndpoint Registry { get; private set; } = null!;
    public SecretsScratch Secrets { get; private set; } = null!;
    public string RegistryState { get; } = Repository.TempDirectory("secrets-registry");
    public string ComposeDirectory { get; } = Repository.TempDirectory("secrets-compose");
    public DateTime StartedAt { get; } = DateTime.UtcNow;
    public ToolResult Run { get; private set; } = null!;

    /// <summary>The secret values, by key; none of them may show up anywhere but inside the container.</summary>
    public IReadOnlyDictionary<string, string> Values { get; } = new Dictionary<string, string>
    {
        ["api_key"] = SecretsInstaller.RandomValue(),
        ["registry_password"] = SecretsInstaller.RandomValue(),
        ["db_password"] = SecretsInstaller.RandomValue(),
    };

    public string RegistryUser { get; } = "ci-" + SecretsInstaller.RandomValue(8).ToLowerInvariant();

    public async Task InitializeAsync()
    {
        Docker = await DockerConnection.ConnectAsync(System.Environment.GetEnvironmentVariable("DOCKER_HOST"));
        Secrets = await SecretsScratch.CreateAsync([.. Values.Select(v => (v.Key, v.Value)), ("registry_user", RegistryUser)]);
        Registry = await new EmbeddedRegistry(RegistryState, RegistryPort)
        {
            RequiresLogin = true, Login = new RegistryLogin(RegistryUser, Values["registry_password"]),
        }.EnsureRunningAsync();
        File.Copy(Path.Combine(Repository.Root, "compose", "compose.yml"), Path.Combine(ComposeDirectory, "compose.yml"));
        await File.WriteAllTextAsync(Path.Combine(ComposeDirectory, $"{Environment}.yml"),
            $"services:\n  app:\n    ports:\n      - \"127.0.0.1:{Port}:8080\"\n");
        // HOME stays the real one here: publishing the service needs the user's NuGet cache. The key comes from SOPS_AGE_KEY_FILE.
        Run = await BuildCli.RunAsync(Secrets.Environment(("HOME", System.Environment.GetEnvironmentVariable("HOME"))), null,
            "Deploy", "--env", Environment, "--skip", "Test", "--registry-url", Registry.Host, "--image-name", ImageName,
            "--compose-directory", ComposeDirectory, "--state-name", StateName, "--secrets-file", Secrets.SecretsFile,
            "--smoke-attempts", "12", "--smoke-interval", "2s");
    }

    public async Task DisposeAsync()
    {
        var containers = new ContainerOperations(Docker);
        foreach (var container in await containers.ListAsync(new Dictionary<string, string> { [ComposeLabels.Project] = ProjectName }))
            await containers.RemoveAsync(container.ID);
        await new VolumeOperations(Docker).RemoveAsync($"{ProjectName}_data");
        await new NetworkOperations(Docker).RemoveAsync($"{ProjectName}_default");
        await new EnvironmentLock(Docker, TimeSpan.Zero).BreakAsync(Environment);
        await new StateStore(Docker, StateName).DestroyAsync();
        RegistryProcess.Stop(RegistryState);
        Secrets.Dispose();
        Docker.Dispose();
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Stops a registry a test started, by the pid its state folder recorded.</summary>
public static class RegistryProcess
{
    public static void Stop(string stateDirectory)
    {
        var pidFile = Path.Combine(stateDirectory, "registry", "registry.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid)) return;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill();
            process.WaitForExit(10_000);
        }
        catch (ArgumentException) { }
    }
}
