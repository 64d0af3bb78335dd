using Docker.DotNet;
using Serilog;
using Slipway.Compose;
using Slipway.Docker;

namespace Slipway.Deploy.Infra;

/// <summary>The delivery infrastructure (Forgejo, its runners, the registry, optional Tailscale sidecars) as one compose project,
/// deployed like an environment but with many images: each is pulled first, then the ordinary health-gated deploy runs.</summary>
public sealed class InfraStack(IDockerClient docker)
{
    public const string ProjectName = "slipway-infra";
    public const string EnvironmentName = "infra";

    /// <summary>The deploy of <paramref name="composeFiles"/>; secrets (runner tokens, the registry's htpasswd) by variable name.</summary>
    public static DeployRequest Request(IReadOnlyList<string> composeFiles, IReadOnlyDictionary<string, string> secrets)
    {
        var unresolved = new DeployRequest(EnvironmentName, ProjectName, composeFiles, ImageRef.Parse("slipway/infra:unresolved"), "", "")
        {
            Secrets = secrets, UseEdge = false, HealthTimeout = TimeSpan.FromMinutes(5),
        };
        // Deployer makes sure the request's image exists; the first service's image stands for the stack, the others are pulled below.
        var first = Deployer.LoadProject(unresolved).Services.Values.OrderBy(s => s.Name, StringComparer.Ordinal).First();
        return unresolved with { Image = ImageRef.Parse(first.Image) };
    }

    public async Task<DeployResult> UpAsync(DeployRequest request, CancellationToken ct = default)
    {
        var project = Deployer.LoadProject(request);
        await PullMissingImagesAsync(project, request.Registry, ct);
        return await new Deployer(docker).DeployProjectAsync(project, request, ct);
    }

    async Task PullMissingImagesAsync(ComposeProject project, RegistryEndpoint? registry, CancellationToken ct)
    {
        var images = new ImageOperations(docker);
        foreach (var image in project.Services.Values.Select(s => s.Image).Distinct(StringComparer.Ordinal))
        {
            if (await images.InspectAsync(image, ct) is not null) continue;
            Log.Information("Pulling {Image} for the infrastructure", image);
            var reference = ImageRef.Parse(image);
            await images.PullAsync(reference, registry is not null && registry.Host == reference.Registry ? registry.ToAuthConfig() : null, ct);
        }
    }
}
