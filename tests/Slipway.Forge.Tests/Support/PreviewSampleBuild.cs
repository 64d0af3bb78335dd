using Slipway.Engine;
using Slipway.Forge.Workflows;

namespace Slipway.Forge.Tests.Support;

/// <summary>A build declaring the pull request preview workflows: deploy on opened/synchronize/reopened, clean up on closed.</summary>
[ForgejoRunners("dev", "prod")]
[ForgejoWorkflow("preview", OnPullRequestTypes = ["opened", "synchronize", "reopened"], RunsOn = "dev", InvokedTargets = ["DeployPreview"],
    Arguments = ["--pr", "${{ github.event.pull_request.number }}", "--preview-docker-host", "${{ vars.PREVIEW_DOCKER_HOST }}"],
    ImportSecrets = ["SOPS_AGE_KEY"], Concurrency = "preview-${{ github.event.pull_request.number }}", TimeoutMinutes = 60)]
[ForgejoWorkflow("preview-cleanup", OnPullRequestTypes = ["closed"], RunsOn = "dev", InvokedTargets = ["CleanupPreview"],
    Arguments = ["--pr", "${{ github.event.pull_request.number }}", "--preview-docker-host", "${{ vars.PREVIEW_DOCKER_HOST }}"],
    Concurrency = "preview-${{ github.event.pull_request.number }}", TimeoutMinutes = 15)]
class PreviewSampleBuild : BuildBase
{
    [Parameter("Pull request")] readonly string? Pr = null;
    [Parameter("Preview engine")] readonly string? PreviewDockerHost = null;

    Target DeployPreview => _ => _.Executes(() => { });
    Target CleanupPreview => _ => _.Executes(() => { });

    public override string ToString() => $"{Pr}{PreviewDockerHost}";
}
