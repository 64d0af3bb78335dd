using Slipway.Engine;
using Slipway.Forge.Workflows;

namespace Slipway.Forge.Tests.Support;

/// <summary>A build shaped like the real one, declaring the seeds' pipelines as workflows.</summary>
[ForgejoRunners("dev", "prod")]
[ForgejoWorkflow("pull-request", OnPullRequest = true, RunsOn = "dev", InvokedTargets = ["Test"],
    Concurrency = "test-${{ github.head_ref }}", CancelInProgress = true, TimeoutMinutes = 30, PublishArtifacts = [".nuke/temp/test-results"])]
[ForgejoWorkflow("feature", OnPushBranches = ["feature/**"], RunsOn = "dev", InvokedTargets = ["Test"],
    Concurrency = "test-${{ github.ref_name }}", CancelInProgress = true, TimeoutMinutes = 30)]
[ForgejoWorkflow("deploy-dev", OnPushBranches = ["develop"], RunsOn = "dev", InvokedTargets = ["DeployDev"],
    ImportSecrets = ["SOPS_AGE_KEY"], Concurrency = "deploy-dev", TimeoutMinutes = 30)]
[ForgejoWorkflow("deploy-prod", OnPushBranches = ["main"], RunsOn = "prod", InvokedTargets = ["DeployProd"],
    ImportSecrets = ["SOPS_AGE_KEY"], Concurrency = "deploy-prod", TimeoutMinutes = 45)]
[ForgejoWorkflow("backup", OnCron = ["0 3 * * *"], OnWorkflowDispatch = true, RunsOn = "prod", InvokedTargets = ["Backup"], Arguments = ["--env", "prod"],
    ImportSecrets = ["SOPS_AGE_KEY"], Concurrency = "deploy-prod", TimeoutMinutes = 120)]
[ForgejoWorkflow("rollback", OnWorkflowDispatch = true, Inputs = ["env", "to?"], RunsOnInput = "env", InvokedTargets = ["Rollback"],
    ImportSecrets = ["SOPS_AGE_KEY"], Concurrency = "deploy-${{ inputs.env }}", TimeoutMinutes = 20)]
class SampleBuild : BuildBase
{
    [Parameter("Environment to deploy, roll back or inspect")] readonly string? Env = null;
    [Parameter("Rollback target: a release id")] readonly string? To = null;
    [Parameter("Registry to push to")] readonly string? RegistryUrl = null;
    [Parameter("Renamed", Name = "keep")] readonly int KeepReleases = 5;
    [Parameter, Secret] readonly string? RegistryPassword = null;

    Target Test => _ => _.Executes(() => { });
    Target DeployDev => _ => _.Executes(() => { });
    Target DeployProd => _ => _.Executes(() => { });
    Target Backup => _ => _.Executes(() => { });
    Target Rollback => _ => _.Executes(() => { });

    public override string ToString() => $"{Env}{To}{RegistryUrl}{KeepReleases}{RegistryPassword}";
}
