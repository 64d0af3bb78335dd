using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using Serilog;

namespace Slipway.Docker;

/// <summary>Creates, starts, stops, inspects and lists containers through the Engine API.</summary>
public sealed class ContainerOperations(IDockerClient docker)
{
    public static string ShortId(string id) => id.Length > 12 ? id[..12] : id;

    /// <summary>Creates the container and connects its extra networks; a container that cannot be fully set up is removed again.</summary>
    public async Task<string> CreateAsync(ContainerSpec spec, CancellationToken ct = default)
    {
        var created = await docker.Containers.CreateContainerAsync(ContainerRequest.Create(spec), ct);
        try
        {
            foreach (var (network, aliases) in spec.Networks.Skip(1))
                await docker.Networks.ConnectNetworkAsync(network, new NetworkConnectParameters
                {
                    Container = created.ID,
                    EndpointConfig = new EndpointSettings { Aliases = aliases.ToList() },
                }, ct);
            if (spec.Files.Count > 0) await new ContainerFileWriter(docker).PutAsync(created.ID, spec.Files, ct);
        }
        catch
        {
            await RemoveAsync(created.ID, CancellationToken.None);
            throw;
        }
        Log.Debug("Created container {Name} ({Id})", spec.Name, ShortId(created.ID));
        return created.ID;
    }

    public async Task StartAsync(string id, CancellationToken ct = default) =>
        await docker.Containers.StartContainerAsync(id, new ContainerStartParameters(), ct);

    public async Task StopAsync(string id, TimeSpan grace, CancellationToken ct = default)
    {
        try { await docker.Containers.StopContainerAsync(id, new ContainerStopParameters { WaitBeforeKillSeconds = (uint)grace.TotalSeconds }, ct); }
        catch (DockerContainerNotFoundException) { }
    }

    public async Task RemoveAsync(string id, CancellationToken ct = default)
    {
        try { await docker.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true }, ct); }
        catch (DockerContainerNotFoundException) { }
    }

    public Task RenameAsync(string id, string newName, CancellationToken ct = default) =>
        docker.Containers.RenameContainerAsync(id, new ContainerRenameParameters { NewName = newName }, ct);

    public async Task<ContainerInspectResponse?> InspectAsync(string idOrName, CancellationToken ct = default)
    {
        try { return await docker.Containers.InspectContainerAsync(idOrName, ct); }
        catch (DockerContainerNotFoundException) { return null; }
    }

    /// <summary>All containers (running or not) carrying every given label.</summary>
    public async Task<IList<ContainerListResponse>> ListAsync(IReadOnlyDictionary<string, string> labels, CancellationToken ct = default) =>
        await docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = labels.ToDictionary(l => $"{l.Key}={l.Value}", _ => true),
            },
        }, ct);

    /// <summary>The last lines a container wrote, for showing why a release failed to boot.</summary>
    public async Task<string> TailLogsAsync(string id, int lines, CancellationToken ct = default)
    {
        using var stream = await docker.Containers.GetContainerLogsAsync(id, new ContainerLogsParameters
        {
            ShowStdout = true, ShowStderr = true, Tail = lines.ToString(), Timestamps = false,
        }, ct);
        var (stdout, stderr) = await stream.ReadOutputToEndAsync(ct);
        return new StringBuilder(stdout).Append(stderr).ToString().TrimEnd();
    }
}
