using Docker.DotNet;
using Serilog;
using Slipway.Compose;
using Slipway.Deploy.Edge;
using Slipway.Docker;

namespace Slipway.Deploy;

/// <summary>Deploys an environment from its compose files: networks and volumes first, then each service replaced health-gated.</summary>
public sealed class Deployer(IDockerClient docker)
{
    public const string LabelPrefix = "org.slipway.";

    public Task<DeployResult> DeployAsync(DeployRequest request, CancellationToken ct = default) =>
        DeployProjectAsync(LoadProject(request), request, ct);

    /// <summary>Deploys an already loaded configuration: a release's stored one, for rollbacks.</summary>
    public async Task<DeployResult> DeployProjectAsync(ComposeProject project, DeployRequest request, CancellationToken ct = default)
    {
        foreach (var warning in project.Warnings) Log.Warning("{Warning}", warning);
        Log.Information("Deploying {Image} to {Environment} as compose project {Project}", request.Image.ToString(), request.Environment, project.Name);

        await EnsureImageAsync(request, ct);
        await EnsureNetworksAsync(project, ct);
        await EnsureVolumesAsync(project, ct);
        var edge = await EnsureEdgeAsync(project, request, ct);
        var replacer = new ServiceReplacer(new ContainerOperations(docker), request.HealthTimeout, request.StopGrace);
        var secrets = SecretResolver.For(request);
        var changed = false;
        foreach (var service in DependencyOrder.Resolve(project))
        {
            var serviceSecrets = secrets.Resolve(project, service);
            foreach (var warning in serviceSecrets.Warnings) Log.Warning("{Warning}", warning);
            var spec = ServiceContainerMapper.Map(project, service, 1, ReleaseLabels(request), serviceSecrets);
            changed |= edge is not null && edge.Spec.Ports.Any(p => p.Service == service.Name)
                ? await BlueGreen(edge, request).ReplaceAsync(BlueGreenReplacer.SideBySide(spec, project.Name, service.Name), ct)
                : await replacer.ReplaceAsync(spec, ct);
        }

        return new DeployResult(project.Name, PublicUrl(project), changed);
    }

    /// <summary>Reads the environment's compose files; done before anything on the engine changes, so bad input changes nothing.</summary>
    public static ComposeProject LoadProject(DeployRequest request)
    {
        if (request.StoredConfig is { } stored)
            return new ComposeLoader().Load([new ComposeSource($"release {request.ReleaseId} (stored configuration)", stored)], new Dictionary<string, string>(), request.ProjectName);
        var variables = System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
        foreach (var (key, value) in request.Variables) variables[key] = value;
        variables["IMAGE"] = request.Image.ToString();
        // Secret variables are interpolated as ${NAME} references, so no value enters the model or the release's stored
        // configuration; SecretResolver fills them in when containers are created. The first load finds the compose secrets.
        var secretNames = SecretResolver.ReferencedNames(request, new ComposeLoader().Load(request.ComposeFiles, variables, request.ProjectName));
        foreach (var name in secretNames) variables[name] = "${" + name + "}";
        return new ComposeLoader().Load(request.ComposeFiles, variables, request.ProjectName);
    }

    /// <summary>Where the environment of <paramref name="request"/> answers, read from its compose files alone.</summary>
    public static Uri? LoadProjectUrl(DeployRequest request) => PublicUrl(LoadProject(request));

    public static Uri? PublicUrl(ComposeProject project) =>
        project.Services.Values.SelectMany(s => s.Ports).FirstOrDefault(p => p.PublishedPort is not null) is { } port
            ? new Uri($"http://{(port.HostIp is null or "0.0.0.0" or "" ? "127.0.0.1" : port.HostIp)}:{port.PublishedPort}/")
            : null;

    static IReadOnlyDictionary<string, string> ReleaseLabels(DeployRequest request) => new Dictionary<string, string>
    {
        [LabelPrefix + "environment"] = request.Environment,
        [LabelPrefix + "commit"] = request.Commit,
        [LabelPrefix + "version"] = request.Version,
        [LabelPrefix + "image"] = request.Image.ToString(),
        [LabelPrefix + "release"] = request.ReleaseId ?? "",
    };

    BlueGreenReplacer BlueGreen(EdgeProxy edge, DeployRequest request) => new(new ContainerOperations(docker), edge,
        new BlueGreenSettings(request.HealthTimeout, request.ProbeInterval, request.HealthPath, request.DrainTime, request.StopGrace, request.KeepStopped));

    /// <summary>The environment's edge, running before any release changes; null when it publishes nothing or deploys without the edge.</summary>
    async Task<EdgeProxy?> EnsureEdgeAsync(ComposeProject project, DeployRequest request, CancellationToken ct)
    {
        if (!request.UseEdge || EdgeSpec.For(project, request.EdgeBaseImage) is not { } spec) return null;
        foreach (var service in spec.Ports.Select(p => project.Services[p.Service]).Where(s => s.ContainerName is not null).Distinct())
            throw new EdgeException($"service {service.Name} sets container_name {service.ContainerName}, so two releases cannot run side by side behind the edge; remove container_name, or deploy without the edge");
        var edge = new EdgeProxy(docker, spec);
        await edge.EnsureAsync(await LiveContainersAsync(spec, ct), ct);
        return edge;
    }

    /// <summary>Per service behind the edge, its newest running container: what a new edge routes to.</summary>
    async Task<IReadOnlyDictionary<string, string>> LiveContainersAsync(EdgeSpec spec, CancellationToken ct)
    {
        var live = new Dictionary<string, string>();
        foreach (var service in spec.Ports.Select(p => p.Service).Distinct())
        {
            var running = (await new ContainerOperations(docker).ListAsync(new Dictionary<string, string>
            {
                [ComposeLabels.Project] = spec.ProjectName, [ComposeLabels.Service] = service,
            }, ct)).Where(c => c.State == "running").OrderByDescending(c => c.Created).FirstOrDefault();
            if (running is not null) live[service] = running.Names[0].TrimStart('/');
        }
        return live;
    }

    async Task EnsureImageAsync(DeployRequest request, CancellationToken ct)
    {
        var images = new ImageOperations(docker);
        if (await images.InspectAsync(request.Image.ToString(), ct) is not null) return;
        Log.Information("Pulling {Image}", request.Image.ToString());
        await images.PullAsync(request.Image, request.Registry?.ToAuthConfig(), ct);
    }

    async Task EnsureNetworksAsync(ComposeProject project, CancellationToken ct)
    {
        var networks = new NetworkOperations(docker);
        var keys = project.Services.Values.SelectMany(s => s.Networks.Count > 0 ? s.Networks.Keys : [ServiceContainerMapper.DefaultNetworkKey]).Distinct();
        foreach (var key in keys)
        {
            var declared = project.Networks.GetValueOrDefault(key);
            if (declared?.External == true) continue;
            var labels = new Dictionary<string, string> { [ComposeLabels.Project] = project.Name, [ComposeLabels.Network] = key };
            await networks.EnsureAsync(ServiceContainerMapper.NetworkName(project, key), labels, declared?.Internal ?? false, ct);
        }
    }

    async Task EnsureVolumesAsync(ComposeProject project, CancellationToken ct)
    {
        var volumes = new VolumeOperations(docker);
        foreach (var volume in project.Volumes.Values.Where(v => !v.External))
        {
            var labels = new Dictionary<string, string>(volume.Labels) { [ComposeLabels.Project] = project.Name, [ComposeLabels.Volume] = volume.Key };
            await volumes.EnsureAsync(volume.Name, labels, ct);
        }
    }
}
