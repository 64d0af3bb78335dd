using Slipway.Engine;
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
        .Executes(() => DotNetTasks.BuildAsync(Solution, Configuration));

    Target Test => _ => _
        .Description("Run the unit and integration tests (as a dependency: only when the sources changed since they last passed)")
        .DependsOn(Compile, Prerequisites)
        .OnlyWhenDynamic(() => IsInvoked(nameof(Test)) || !TestsPassedForTheseSources)
        .Executes(RunTestsAsync);

    Target PublishService => _ => _
        .Description("Publish the service project self-contained for linux-x64 into the image's build context")
        .OnlyWhenStatic(() => ServiceProject != null)
        .Executes(PublishServiceAsync);

    Target BaseImage => _ => _
        .Description("Bootstrap the Debian base image with debootstrap when it cannot be pulled (once, cached by tag)")
        .DependsOn(Prerequisites)
        .Executes(EnsureBaseImageAsync);

    Target BuildImage => _ => _
        .Description("Build the service image through the Engine API, with OCI labels and commit, version, branch tags")
        .DependsOn(Test, PublishService, BaseImage)
        .Executes(BuildReleaseImageAsync);

    Target PushRegistry => _ => _
        .Description("Push every tag to the registry (the embedded one on 127.0.0.1:5000 unless --registry-url) and record the digest")
        .DependsOn(BuildImage)
        .Executes(PushReleaseImageAsync);

    Target DeployDev => _ => _
        .Description("Deploy the pushed digest to the dev environment from compose/ and wait until it is healthy")
        .DependsOn(PushRegistry)
        .Requires(() => ComposeFilesAreValid("dev"))
        .Triggers(SmokeTest)
        .Executes(() => DeployAsync("dev"));

    Target SmokeTest => _ => _
        .Description("Check health, readiness and that /version names the deployed commit, with retries")
        .Executes(SmokeTestAsync);
}
