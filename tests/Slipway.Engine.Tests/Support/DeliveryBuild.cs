namespace Slipway.Engine.Tests.Support;

/// <summary>A small delivery pipeline: the shape of the real build, with targets that only record themselves.</summary>
public sealed class DeliveryBuild : RecordingBuild
{
    [Parameter("Registry to push images to")] public readonly string? RegistryUrl;
    [Parameter("Release version")] public readonly string? Version;
    [Parameter("Health check timeout")] public readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(30);
    [Parameter("Build configuration")] public readonly Configuration Configuration = Configuration.Release;
    [Parameter("Test classes to skip")] public readonly string[] SkipTests = ["Slow"];
    [Parameter("Token for the registry"), Secret] public readonly string? RegistryToken = "s3cr3t-default";
    [Parameter("Treat warnings as errors")] public readonly bool Strict;

    [Parameter("Skip the tests, nothing changed")] public readonly bool TestsUpToDate;

    Target Clean => _ => _.Description("Remove build output").Before(Restore).Executes(() => Record(nameof(Clean)));
    Target Restore => _ => _.Description("Restore packages").Executes(() => Record(nameof(Restore)));
    public Target Compile => _ => _.Description("Compile the solution").DependsOn(Restore).Executes(() => Record(nameof(Compile)));
    Target Test => _ => _.Description("Run the unit tests").DependsOn(Compile).OnlyWhenStatic(() => !TestsUpToDate).Executes(() => Record(nameof(Test)));
    Target PushRegistry => _ => _.Description("Push the image").DependsOn(Test).Requires(() => RegistryUrl).Executes(() => Record(nameof(PushRegistry)));
    Target DeployDev => _ => _.Description("Deploy to dev").DependsOn(PushRegistry).Requires(() => Version != null).Triggers(SmokeTest).Executes(() => Record(nameof(DeployDev)));
    Target SmokeTest => _ => _.Unlisted().Executes(() => Record(nameof(SmokeTest)));
    Target Ci => _ => _.Description("Everything CI runs").DependsOn(DeployDev);
}
