using Docker.DotNet;
using Docker.DotNet.Models;
using Serilog;

namespace Slipway.Docker;

/// <summary>Creates named volumes on demand and removes them; creation is idempotent by name.</summary>
public sealed class VolumeOperations(IDockerClient docker)
{
    public async Task EnsureAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken ct = default)
    {
        if (await ExistsAsync(name, ct)) return;
        await docker.Volumes.CreateAsync(new VolumesCreateParameters { Name = name, Labels = labels.ToDictionary() }, ct);
        Log.Information("Created volume {Volume}", name);
    }

    public async Task<bool> ExistsAsync(string name, CancellationToken ct = default)
    {
        try { await docker.Volumes.InspectAsync(name, ct); return true; }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound) { return false; }
    }

    public async Task RemoveAsync(string name, CancellationToken ct = default)
    {
        try { await docker.Volumes.RemoveAsync(name, force: true, ct); }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound) { }
    }
}
