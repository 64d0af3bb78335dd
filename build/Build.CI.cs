using System.Collections;
using Slipway.Engine;
using Slipway.Forge.Api;
using Slipway.Forge.Reporting;
using Slipway.Forge.Workflows;

/// <summary>The seeds' pipelines as Forgejo workflows: each step is one ./build.sh call, so CI runs exactly what a developer runs.</summary>
[ForgejoRunners("dev", "prod")]
[ForgejoWorkflow("pull-request", OnPullRequest = true, RunsOn = "dev", InvokedTargets = [nameof(Test)],
    Concurrency = "test-${{ github.head_ref }}", CancelInProgress = true, TimeoutMinutes = 60, PublishArtifacts = [".nuke/temp/test-results"])]
[ForgejoWorkflow("feature", OnPushBranches = ["feature/**"], RunsOn = "dev", InvokedTargets = [nameof(Test)],
    Concurrency = "test-${{ github.ref_name }}", CancelInProgress = true, TimeoutMinutes = 60, PublishArtifacts = [".nuke/temp/test-results"])]
[ForgejoWorkflow("deploy-dev", OnPushBranches = ["develop"], RunsOn = "dev", InvokedTargets = [nameof(DeployDev)],
    ImportSecrets = ["SOPS_AGE_KEY"], Concurrency = "deploy-dev", TimeoutMinutes = 60)]
[ForgejoWorkflow("deploy-prod", OnPushBranches = ["main"], RunsOn = "prod", InvokedTargets = [nameof(DeployProd)],
    ImportSecrets = ["SOPS_AGE_KEY"], Concurrency = "deploy-prod", TimeoutMinutes = 60)]
[ForgejoWorkflow("backup", OnCron = ["0 3 * * *"], OnWorkflowDispatch = true, RunsOn = "prod", InvokedTargets = [nameof(Backup)],
    Arguments = ["--env", "prod"], ImportSecrets = ["SOPS_AGE_KEY"], Concurrency = "deploy-prod", TimeoutMinutes = 120)]
[ForgejoWorkflow("rollback", OnWorkflowDispatch = true, Inputs = ["env", "to?"], RunsOnInput = "env", InvokedTargets = [nameof(Rollback)],
    ImportSecrets = ["SOPS_AGE_KEY"], Concurrency = "deploy-${{ inputs.env }}", TimeoutMinutes = 30)]
[ForgejoWorkflow("preview", OnPullRequestTypes = ["opened", "synchronize", "reopened"], RunsOn = "dev", InvokedTargets = [nameof(DeployPreview)],
    Arguments = ["--pr", "${{ github.event.pull_request.number }}", "--preview-docker-host", "${{ vars.PREVIEW_DOCKER_HOST }}"],
    ImportSecrets = ["SOPS_AGE_KEY"], Concurrency = "preview-${{ github.event.pull_request.number }}", TimeoutMinutes = 60)]
[ForgejoWorkflow("preview-cleanup", OnPullRequestTypes = ["closed"], RunsOn = "dev", InvokedTargets = [nameof(CleanupPreview)],
    Arguments = ["--pr", "${{ github.event.pull_request.number }}", "--preview-docker-host", "${{ vars.PREVIEW_DOCKER_HOST }}"],
    Concurrency = "preview-${{ github.event.pull_request.number }}", TimeoutMinutes = 15)]
partial class Build
{
    Target GenerateWorkflows => _ => _
        .Description("Write .forgejo/workflows/*.yml from the [ForgejoWorkflow] declarations; Test fails while they differ")
        .Executes(() => WorkflowStaleness.Write(WorkflowDirectory, GeneratedWorkflows).ToList()
            .ForEach(file => Serilog.Log.Information("Wrote {File}", Path.Combine(ForgejoActions.WorkflowDirectory, file))));

    Target ReportToForge => _ => _
        .Description("In CI: open (or comment on) a bug issue for the failed target, or close it when the workflow is green again")
        .TriggeredBy(Test, Deploy, DeployDev, DeployProd, Rollback, Backup, DeployPreview, CleanupPreview)
        .After(SmokeTest, Rollback, PreDeploySnapshot, Backup)
        .AssuredAfterFailure()
        .OnlyWhenStatic(() => IsServerBuild)
        .Executes(ReportToForgeAsync);

    AbsolutePath WorkflowDirectory => RootDirectory / ForgejoActions.WorkflowDirectory;
    IReadOnlyDictionary<string, string> GeneratedWorkflows => WorkflowGenerator.Generate(typeof(Build), BuildSurface.Of(typeof(Build)));

    /// <summary>A requirement of Test: the committed workflows are exactly what the build generates.</summary>
    bool WorkflowsAreCurrent()
    {
        WorkflowStaleness.ThrowIfStale(WorkflowDirectory, GeneratedWorkflows);
        return true;
    }

    static IReadOnlyDictionary<string, string> ProcessEnvironment =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string ?? "");

    static RunContext Run => RunContext.FromEnvironment(ProcessEnvironment);

    async Task ReportToForgeAsync()
    {
        var run = Run;
        var reporter = FailureReporter.FromEnvironment(run, ProcessEnvironment);
        if (FailedTargets.FirstOrDefault() is not { } failed)
        {
            await reporter.TryReportSuccessAsync(run, run.Workflow, run.Branch);
            return;
        }
        await reporter.TryReportFailureAsync(run, failed.Name, failed.FailureMessage ?? "failed");
        if (InvokedTargets.Any(t => t.Name.StartsWith("Deploy", StringComparison.Ordinal)))
            await SetDeployStatusAsync(CommitState.Failure, $"{failed.Name} failed");
    }

    /// <summary>Outside CI there is no run to link to, so nothing is reported.</summary>
    async Task SetDeployStatusAsync(CommitState state, string description)
    {
        if (!IsServerBuild || TargetEnvironment is not { } environment) return;
        var run = Run;
        await CommitStatusReporter.FromEnvironment(run, ProcessEnvironment).TrySetAsync(run, state, $"slipway/deploy-{environment}", description);
    }
}
