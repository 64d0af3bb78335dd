using Slipway.Engine.Tests.Support;

namespace Slipway.Engine.Tests.Cli;

using Assert = Xunit.Assert;

public sealed class BadInputTests
{
    [Fact]
    public void AnUnknownTargetListsTheValidOnes() =>
        AssertRejected(
            Run("Deplo"),
            "Unknown target 'Deplo'; valid targets: Clean, Restore, Compile, Test, PushRegistry, DeployDev, Ci");

    [Fact]
    public void AnUnknownParameterSuggestsTheClosestName() =>
        AssertRejected(
            Run("Compile", "--regstry-url", "x"),
            "Unknown parameter '--regstry-url'; did you mean '--registry-url'? See ./build.sh --help");

    [Fact]
    public void AnUnknownParameterWithoutACloseNamePointsToHelp() =>
        AssertRejected(Run("--frobnicate"), "Unknown parameter '--frobnicate'. See ./build.sh --help");

    [Fact]
    public void AParameterWithoutAValueShowsItsUsage() =>
        AssertRejected(Run("--registry-url"), "Parameter '--registry-url' needs a value: --registry-url <string>");

    [Fact]
    public void AMissingRequiredParameterNamesEveryWayToSetIt() =>
        AssertRejected(
            Run("PushRegistry"),
            "Target 'PushRegistry' requires parameter '--registry-url' (set it with --registry-url <value>, the REGISTRY_URL environment variable or .nuke/parameters.json)");

    [Fact]
    public void AFalseRequirementShowsItsExpression() =>
        AssertRejected(Run("DeployDev", "--registry-url", "r.example"), "Target 'DeployDev' requires 'Version != null'");

    [Fact]
    public void RequirementsOfSkippedTargetsAreNotChecked()
    {
        var run = Run("Test", "PushRegistry", "--skip", "PushRegistry");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Restore", "Compile", "Test"], run.Executed);
    }

    [Fact]
    public void AnUnknownKeyInParametersJsonNamesFileAndKey()
    {
        using var root = new TempRoot().WithParameters("""{"RegistryUrl": "r", "RegistryURI": "x"}""");

        AssertRejected(Run(root), "Unknown key 'RegistryURI' in .nuke/parameters.json; valid keys: RegistryUrl, Version,");
    }

    [Fact]
    public void MalformedJsonNamesTheFile()
    {
        using var root = new TempRoot().WithParameters("""{"RegistryUrl": }""");

        AssertRejected(Run(root), ".nuke/parameters.json is not valid JSON: ");
    }

    [Fact]
    public void AMissingProfileNamesItsFile() =>
        AssertRejected(
            Run("--profile", "staging"),
            "Profile 'staging' not found: .nuke/parameters.staging.json does not exist; create it or drop --profile staging");

    [Fact]
    public void AnOptionValueAfterAFlagIsNotTakenForATarget() =>
        AssertRejected(Run("--plan", "Compile"), "Option '--plan' takes no value, got 'Compile'; targets go before options: ./build.sh Compile --plan");

    [Fact]
    public void AnUnknownVerbosityIsRejected() =>
        AssertRejected(Run("--verbosity", "loud"), "Option '--verbosity' expects quiet, minimal, normal or verbose, got 'loud'");

    [Fact]
    public void ACycleRejectsTheBuildBeforeAnythingRuns()
    {
        var run = BuildRunner.Run<CyclicBuild>(x => x.A);

        AssertRejected(run, "Circular dependency: A -> B -> A");
    }

    [Fact]
    public void ARequirementThatThrowsRejectsTheBuildWithItsMessage()
    {
        var run = BuildRunner.Run<InvalidConfigurationBuild>(x => x.A);

        AssertRejected(run, "Target 'B': compose/dev.yml:3:5 services/app: unsupported key 'privileged'");
        Assert.Equal(1, run.Output.Split('\n').Count(line => line.Contains("[ERR]")));
    }

    sealed class InvalidConfigurationBuild : RecordingBuild
    {
        public Target A => _ => _.Executes(() => Record(nameof(A)));
        Target B => _ => _.TriggeredBy(A).Requires(() => ConfigurationIsValid()).Executes(() => Record(nameof(B)));

        static bool ConfigurationIsValid() =>
            throw new InvalidDataException("compose/dev.yml:3:5 services/app: unsupported key 'privileged'");
    }

    sealed class CyclicBuild : RecordingBuild
    {
        public Target A => _ => _.DependsOn(B).Executes(() => Record(nameof(A)));
        Target B => _ => _.DependsOn(A).Executes(() => Record(nameof(B)));
    }

    static BuildRun<DeliveryBuild> Run(params string[] args) => BuildRunner.Run<DeliveryBuild>(x => x.Compile, args);

    static BuildRun<DeliveryBuild> Run(TempRoot root) => BuildRunner.Run<DeliveryBuild>(x => x.Compile, [], [], root);

    static void AssertRejected<T>(BuildRun<T> run, string message)
        where T : RecordingBuild
    {
        Assert.Equal(2, run.ExitCode);
        Assert.True(run.NothingExecuted, $"Executed: {string.Join(", ", run.Executed)}");
        Assert.Contains($"[ERR] {message}", run.Output);
        Assert.DoesNotContain("===", run.Output);
    }
}
