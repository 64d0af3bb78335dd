using Docker.DotNet;
using Docker.DotNet.Models;
using Serilog;
using Slipway.Docker;

namespace Slipway.Deploy.Previews;

/// <summary>What removing a preview removed, by name; all empty when there was nothing left.</summary>
public sealed record PreviewRemoval(string ProjectName, IReadOnlyList<string> Containers, IReadOnlyList<string> Networks, IReadOnlyList<string> Volumes)
{
    public bool RemovedAnything => Containers.Count + Networks.Count + Volumes.Count > 0;
}

/// <summary>Removes everything of a preview's compose project from the preview engine: containers (with their anonymous volumes),
/// then networks and named volumes, all found by compose's project label; running it again finds nothing and removes nothing.</summary>
public sealed class PreviewCleaner(IDockerClient docker)
{
    public static IDictionary<string, IDictionary<string, bool>> ProjectFilter(string projectName) =>
        new Dictionary<string, IDictionary<string, bool>>
        {
            ["label"] = new Dictionary<string, bool> { [$"{ComposeLabels.Project}={projectName}"] = true },
        };

    public async Task<PreviewRemoval> RemoveAsync(PreviewEnvironment preview, CancellationToken ct = default)
    {
        var project = preview.ProjectName;
        var containers = await docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = ProjectFilter(project) }, ct);
        foreach (var container in containers)
            await RemoveContainerAsync(container.ID, ct);
        var networks = await docker.Networks.ListNetworksAsync(new NetworksListParameters { Filters = ProjectFilter(project) }, ct);
        foreach (var network in networks)
            await RemoveNetworkAsync(network.ID, ct);
        var volumes = (await docker.Volumes.ListAsync(new VolumesListParameters { Filters = ProjectFilter(project) }, ct)).Volumes ?? [];
        foreach (var volume in volumes)
            await RemoveVolumeAsync(volume.Name, ct);
        var removal = new PreviewRemoval(project,
            [.. containers.Select(c => c.Names.FirstOrDefault()?.TrimStart('/') ?? ContainerOperations.ShortId(c.ID))],
            [.. networks.Select(n => n.Name)], [.. volumes.Select(v => v.Name)]);
        Report(removal, preview);
        return removal;
    }

    async Task RemoveContainerAsync(string id, CancellationToken ct)
    {
        try { await docker.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, ct); }
        catch (DockerContainerNotFoundException) { }
    }

    async Task RemoveNetworkAsync(string id, CancellationToken ct)
    {
        try { await docker.Networks.DeleteNetworkAsync(id, ct); }
        catch (DockerNetworkNotFoundException) { }
    }

    async Task RemoveVolumeAsync(string name, CancellationToken ct)
    {
        try { await docker.Volumes.RemoveAsync(name, force: true, ct); }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound) { }
    }

    static void Report(PreviewRemoval removal, PreviewEnvironment preview)
    {
        if (!removal.RemovedAnything)
        {
            Log.Information("Preview {Project} of pull request {PullRequest}: nothing to remove on {Endpoint}", removal.ProjectName, preview.PullRequest, preview.DockerEndpoint);
            return;
        }
        Log.Information("Removed preview {Project} of pull request {PullRequest}: containers {Containers}, networks {Networks}, volumes {Volumes}",
            removal.ProjectName, preview.PullRequest, Names(removal.Containers), Names(removal.Networks), Names(removal.Volumes));
    }

    static string Names(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);
}
