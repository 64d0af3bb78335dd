using Docker.DotNet;
using Serilog;

namespace Slipway.Deploy.Previews;

/// <summary>Deploys a pull request's image as its preview: makes sure the engine is not prod's, then the ordinary deploy of the
/// preview's own compose project (health-gated), and says where it answers.</summary>
public sealed class PreviewDeployer(IDockerClient docker)
{
    public async Task<Uri> DeployAsync(PreviewEnvironment preview, DeployRequest request, string? prodEndpoint, CancellationToken ct = default)
    {
        await PreviewEngineGuard.ThrowIfProdAsync(docker, preview, prodEndpoint, ct);
        Log.Information("Deploying the preview of pull request {PullRequest} as {Project} on {Endpoint}", preview.PullRequest, preview.ProjectName, preview.DockerEndpoint);
        var result = await new Deployer(docker).DeployAsync(request, ct);
        Log.Information(result.Changed ? "Preview of pull request {PullRequest} answers at {Url}" : "Preview of pull request {PullRequest} was already up to date at {Url}",
            preview.PullRequest, preview.Url);
        return preview.Url;
    }
}
