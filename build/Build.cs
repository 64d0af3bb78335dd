using Slipway.Engine;
using Slipway.Backup;
using Slipway.Tooling;

/// <summary>The delivery pipeline, commit to running service: every target is one sentence; the work lives in src/.</summary>
partial class Build : BuildBase
{
    public static int Main() => Execute<Build>(x => x.Test);

    Target Prerequisites => _ => _
        .Description("Find the Docker engine, registry, age and restic; install and start them with apt-get when root or in CI")
        .Executes(EnsurePrerequisitesAsync);

    Target Compile => _ => _
        .Description("Compile every project of the solution")
        .OnlyWhenStatic(() => !DeploysAnExistingImage || IsInvoked(nameof(Compile)))
        .Executes(() => DotNetTasks.BuildAsync(Solution, Configuration));

    Target Test => _ => _
        .Description("Run the unit and integration tests (as a dependency: only when the sources changed since they last passed)")
        .DependsOn(Compile, Prerequisites)
        .Requires(() => WorkflowsAreCurrent())
        .OnlyWhenStatic(() => !DeploysAnExistingImage)
        .OnlyWhenDynamic(() => IsInvoked(nameof(Test)) || !TestsPassedForTheseSources)
        .Executes(RunTestsAsync);

    Target PublishService => _ => _
        .Description("Publish the service project self-contained for linux-x64 into the image's build context")
        .OnlyWhenStatic(() => ServiceProject != null, () => !DeploysAnExistingImage)
        .Executes(PublishServiceAsync);

    Target BaseImage => _ => _
        .Description("Bootstrap the Debian base image with debootstrap when it cannot be pulled (once, cached by tag)")
        .DependsOn(Prerequisites)
        .OnlyWhenStatic(() => !DeploysAnExistingImage)
        .Executes(EnsureBaseImageAsync);

    Target BuildImage => _ => _
        .Description("Build the service image through the Engine API, with OCI labels and commit, version, branch tags")
        .DependsOn(Test, PublishService, BaseImage)
        .OnlyWhenStatic(() => !DeploysAnExistingImage)
        .Executes(BuildReleaseImageAsync);

    Target PushRegistry => _ => _
        .Description("Push every tag to the registry (the embedded one on 127.0.0.1:5000 unless --registry-url) and record the digest")
        .DependsOn(BuildImage)
        .OnlyWhenStatic(() => !DeploysAnExistingImage)
        .Executes(PushReleaseImageAsync);

    Target Deploy => _ => _
        .Description("Deploy to --env: the current commit's pushed image, or --version <tag|digest|release>")
        .DependsOn(PushRegistry)
        .Requires(() => EnvironmentIsValid(Env))
        .Executes(() => DeployToAsync(Env!));

    Target DeployDev => _ => _
        .Description("Deploy to dev: build, test and push the current commit, then deploy its digest")
        .DependsOn(PushRegistry)
        .Requires(() => EnvironmentIsValid("dev"))
        .Executes(() => DeployToAsync("dev"));

    Target DeployProd => _ => _
        .Description("Promote to prod the digest already pushed for this commit (no rebuild), or build it first; snapshot before")
        .DependsOn(PushRegistry)
        .Requires(() => EnvironmentIsValid("prod"))
        .Executes(() => DeployToAsync("prod"));

    Target SmokeTest => _ => _
        .Description("Check health, readiness and that /version names the deployed commit; a pass marks the release stable")
        .TriggeredBy(Deploy, DeployDev, DeployProd)
        .Executes(SmokeTestAsync);

    Target Rollback => _ => _
        .Description("Go back to the stable release (or --to <release>) with its image and configuration; automatic after a failed smoke test")
        .TriggeredBy(SmokeTest)
        .AssuredAfterFailure()
        .OnlyWhenDynamic(() => IsInvoked(nameof(Rollback)) || SmokeTestFailed)
        .Executes(RollbackAsync);

    Target RestartEdge => _ => _
        .Description("Reload (no gap), recreate or upgrade (a gap of about a second) the edge of --env: --edge-action reload|recreate|upgrade")
        .Requires(() => EnvironmentIsValid(Env))
        .Executes(RestartEdgeAsync);

    Target Backup => _ => _
        .Description("Snapshot --env's volumes (services paused while read), configuration and secrets file with restic; then retention")
        .Requires(() => EnvironmentIsValid(Env))
        .Executes(() => BackupAsync(Env!, BackupKinds.Parse(Kind)));

    Target PreDeploySnapshot => _ => _
        .Description("Snapshot the environment before its deploy (prod by default, --snapshot-before), for a restore after a bad migration")
        .DependentFor(Deploy, DeployDev, DeployProd)
        .After(PushRegistry)
        .OnlyWhenStatic(() => TakesPreDeploySnapshot)
        .Executes(TakePreDeploySnapshotAsync);

    Target Restore => _ => _
        .Description("Restore --env from --snapshot <id|latest>: shows what it replaces and asks (or --force), then smoke-tests")
        .Requires(() => EnvironmentIsValid(Env))
        .Triggers(SmokeTest)
        .Executes(() => RestoreAsync(Env!, Snapshot, confirmed: Force));

    Target Releases => _ => _
        .Description("List the releases of --env: id, digest, commit, version, when, stable, retained")
        .Requires(() => EnvironmentIsValid(Env))
        .Executes(ListReleasesAsync);

    Target Status => _ => _
        .Description("Show every environment: running release, health, stable release, lock")
        .Executes(ShowStatusAsync);

    Target Audit => _ => _
        .Description("Show the last entries of --env's audit log (deploys, smoke results, rollbacks, locks)")
        .Requires(() => EnvironmentIsValid(Env))
        .Executes(ShowAuditAsync);

    Target Lock => _ => _
        .Description("Acquire, release or show the deploy lock of --env by hand (--action acquire|release|status, --message)")
        .Requires(() => EnvironmentIsValid(Env))
        .Executes(LockByHandAsync);
}
