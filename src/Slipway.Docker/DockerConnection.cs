using Docker.DotNet;

namespace Slipway.Docker;

/// <summary>Opens the one door to Docker: a client for the engine at DOCKER_HOST or the default socket, checked with a ping.</summary>
public static class DockerConnection
{
    public const string DefaultEndpoint = "unix:///var/run/docker.sock";

    public static string ResolveEndpoint(string? dockerHost) =>
        string.IsNullOrWhiteSpace(dockerHost) ? DefaultEndpoint : dockerHost.Trim();

    public static async Task<IDockerClient> ConnectAsync(string? dockerHost, CancellationToken ct = default)
    {
        var endpoint = ResolveEndpoint(dockerHost);
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            throw new DockerUnavailableException(endpoint, "not a valid endpoint URI (expected unix:///path or tcp://host:port)");
        var client = new DockerClientBuilder().WithEndpoint(uri).WithTimeout(TimeSpan.FromMinutes(10)).Build();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            await client.System.PingAsync(timeout.Token);
            return client;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            client.Dispose();
            throw new DockerUnavailableException(endpoint, e.GetBaseException().Message);
        }
    }
}

/// <summary>No Docker engine answered at the configured endpoint.</summary>
public sealed class DockerUnavailableException(string endpoint, string detail) : Exception(
    $"Docker engine unreachable at {endpoint} ({detail}); start it (./build.sh Prerequisites installs and starts dockerd as root) or point DOCKER_HOST / --docker-host at a running engine")
{
    public string Endpoint { get; } = endpoint;
}
