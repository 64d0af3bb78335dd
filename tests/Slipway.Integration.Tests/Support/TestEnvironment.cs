using System.Net;
using System.Net.Sockets;
using Docker.DotNet;
using Docker.DotNet.Models;
using Slipway.Deploy;
using Slipway.Docker;

namespace Slipway.Integration.Tests.Support;

/// <summary>A throw-away environment: its own compose project, free port, compose files in a temp folder; removed on dispose.</summary>
public sealed class TestEnvironment : IAsyncDisposable
{
    readonly IDockerClient _docker;
    public string ProjectName { get; } = $"slipway-it-{Guid.NewGuid():N}"[..20];
    public int Port { get; } = FreePort();
    public string Directory { get; } = Repository.TempDirectory("compose");
    public string BaseFile => Path.Combine(Directory, "compose.yml");
    public string OverrideFile => Path.Combine(Directory, "test.yml");
    public Uri Url => new($"http://127.0.0.1:{Port}/");

    public TestEnvironment(IDockerClient docker)
    {
        _docker = docker;
        File.Copy(Path.Combine(Repository.Root, "compose", "compose.yml"), BaseFile);
        WriteOverride("");
    }

    /// <summary>Writes the environment's override file; <paramref name="extraServiceKeys"/> are indented service keys added to app.</summary>
    public void WriteOverride(string extraServiceKeys) => File.WriteAllText(OverrideFile, $"""
        services:
          app:
            ports:
              - "127.0.0.1:{Port}:8080"
        {extraServiceKeys}
        """);

    public DeployRequest Request(ImageRef image, string commit = EngineFixture.Commit) =>
        new("test", ProjectName, [BaseFile, OverrideFile], image, commit, "9.9.9") { HealthTimeout = TimeSpan.FromSeconds(60) };

    /// <summary>Every container of the project: releases (running or kept stopped for rollback) and the edge.</summary>
    public async Task<IList<ContainerListResponse>> ContainersAsync() =>
        await new ContainerOperations(_docker).ListAsync(new Dictionary<string, string> { [ComposeLabels.Project] = ProjectName });

    /// <summary>The release containers of the app service that run now (stopped ones kept for rollback and the edge left out).</summary>
    public async Task<IList<ContainerListResponse>> RunningAppAsync() =>
        (await new ContainerOperations(_docker).ListAsync(new Dictionary<string, string>
        {
            [ComposeLabels.Project] = ProjectName, [ComposeLabels.Service] = "app",
        })).Where(c => c.State == "running").ToList();

    public async ValueTask DisposeAsync()
    {
        var containers = new ContainerOperations(_docker);
        foreach (var container in await ContainersAsync()) await containers.RemoveAsync(container.ID);
        await new VolumeOperations(_docker).RemoveAsync($"{ProjectName}_data");
        await new NetworkOperations(_docker).RemoveAsync($"{ProjectName}_default");
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
