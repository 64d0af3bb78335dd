using Docker.DotNet;
using Docker.DotNet.Models;
using Serilog;

namespace Slipway.Docker;

/// <summary>Creates networks on demand and removes them; creation is idempotent by name.</summary>
public sealed class NetworkOperations(IDockerClient docker)
{
    public async Task EnsureAsync(string name, IReadOnlyDictionary<string, string> labels, bool isInternal = false, CancellationToken ct = default)
    {
        if (await ExistsAsync(name, ct)) return;
        await docker.Networks.CreateNetworkAsync(new NetworksCreateParameters
        {
            Name = name, Driver = "bridge", Internal = isInternal, Labels = labels.ToDictionary(), Attachable = true,
        }, ct);
        Log.Information("Created network {Network}", name);
    }

    public async Task<bool> ExistsAsync(string name, CancellationToken ct = default)
    {
        var networks = await docker.Networks.ListNetworksAsync(new NetworksListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["name"] = new Dictionary<string, bool> { [name] = true } },
        }, ct);
        return networks.Any(n => n.Name == name);
    }

    public async Task RemoveAsync(string name, CancellationToken ct = default)
    {
        try { await docker.Networks.DeleteNetworkAsync(name, ct); }
        catch (DockerNetworkNotFoundException) { }
    }
}
