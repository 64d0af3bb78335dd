using Slipway.Engine.Tests.Support;

namespace Slipway.Engine.Tests.Parameters;

using Assert = Xunit.Assert;

public sealed class ParameterValueTests
{
    [Theory]
    [InlineData("--registry-url")]
    [InlineData("--RegistryUrl")]
    [InlineData("--registry_url")]
    [InlineData("--REGISTRY-URL")]
    public void NamesMatchCaseInsensitivelyIgnoringDashesAndUnderscores(string flag) =>
        Assert.Equal("r.example", Run(flag, "r.example").RegistryUrl);

    [Fact]
    public void TheAttributeNameReplacesTheMemberName()
    {
        Assert.Equal("prod", Run("--env", "prod").TargetEnvironment);
        Assert.Equal("staging", Run([], new() { ["SLIPWAY_ENV"] = "staging" }).TargetEnvironment);
    }

    [Fact]
    public void ABooleanFlagAloneIsTrue() => Assert.True(Run("--deploy-edge").DeployEdge);

    [Fact]
    public void ABooleanFlagTakesAnExplicitValue() => Assert.False(Run("--deploy-edge", "false").DeployEdge);

    [Fact]
    public void NumbersAreParsed()
    {
        var build = Run("--retries", "5", "--max-bytes", "5000000000", "--ratio", "0.25", "--replicas", "-1");

        Assert.Equal(5, build.Retries);
        Assert.Equal(5_000_000_000L, build.MaxBytes);
        Assert.Equal(0.25, build.Ratio);
        Assert.Equal(-1, build.Replicas);
    }

    [Theory]
    [InlineData("30s", 30_000)]
    [InlineData("5m", 300_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("500ms", 500)]
    [InlineData("45", 45_000)]
    public void DurationsAcceptUnitsOrPlainSeconds(string text, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Run("--health-timeout", text).HealthTimeout);

    [Fact]
    public void EnumsAreCaseInsensitive() => Assert.Equal(Configuration.Release, Run("--configuration", "release").Configuration);

    [Fact]
    public void ArraysTakeSeveralValuesAfterOneFlag()
    {
        var build = Run("--skip-tests", "Slow", "Flaky", "--ports", "80", "443");

        Assert.Equal(["Slow", "Flaky"], build.SkipTests);
        Assert.Equal([80, 443], build.Ports);
    }

    [Fact]
    public void ArraysFromTheEnvironmentAndJsonAreSplit()
    {
        using var root = new TempRoot().WithParameters("""{"Ports": [80, 443], "Retries": 4, "DeployEdge": true, "Ratio": 1.5}""");

        var build = BuildRunner.Run<ParameterBuild>(x => x.Show, [], new() { ["SKIP_TESTS"] = "Slow, Flaky" }, root).Build!;

        Assert.Equal(["Slow", "Flaky"], build.SkipTests);
        Assert.Equal([80, 443], build.Ports);
        Assert.Equal(4, build.Retries);
        Assert.True(build.DeployEdge);
        Assert.Equal(1.5, build.Ratio);
    }

    [Fact]
    public void PathsAreRelativeToTheRootDirectory()
    {
        var build = Run("--output", "artifacts/images");

        Assert.Equal(build.RootDirectory / "artifacts" / "images", build.Output);
        Assert.Equal("images", build.Output!.Name);
    }

    [Fact]
    public void GetOnlyPropertiesAndPrivateFieldsAreSet()
    {
        var build = Run("--channel", "edge", "--private-note", "hello");

        Assert.Equal("edge", build.Channel);
        Assert.Equal("hello", build.PrivateNote);
    }

    [Theory]
    [InlineData("--retries abc", "Parameter '--retries' expects an integer, got 'abc'")]
    [InlineData("--retries 1 2", "Parameter '--retries' takes one value, got 2: 1 2")]
    [InlineData("--deploy-edge maybe", "Parameter '--deploy-edge' expects true or false, got 'maybe'")]
    [InlineData("--configuration Nightly", "Parameter '--configuration' expects one of Debug, Release, got 'Nightly'")]
    [InlineData("--health-timeout soon", "Parameter '--health-timeout' expects a duration like 30s, 5m, 1h30m, 500ms or plain seconds, got 'soon'")]
    [InlineData("--ports 80 http", "Parameter '--ports' expects an integer, got 'http'")]
    [InlineData("--ratio 1,5", "Parameter '--ratio' expects a number, got '1,5'")]
    public void ABadValueIsRejectedBeforeAnythingRuns(string args, string message)
    {
        var run = BuildRunner.Run<ParameterBuild>(x => x.Show, args.Split(' '));

        Assert.Equal(2, run.ExitCode);
        Assert.True(run.NothingExecuted);
        Assert.Contains($"[ERR] {message}\n", run.Output);
    }

    [Fact]
    public void ABadValueFromTheEnvironmentNamesTheVariable()
    {
        var run = BuildRunner.Run<ParameterBuild>(x => x.Show, [], new() { ["SLIPWAY_RETRIES"] = "many" });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Parameter '--retries' expects an integer, got 'many' (from environment variable SLIPWAY_RETRIES)", run.Output);
    }

    static ParameterBuild Run(params string[] args) => Run(args, []);

    static ParameterBuild Run(string[] args, Dictionary<string, string> environment)
    {
        var run = BuildRunner.Run<ParameterBuild>(x => x.Show, args, environment);
        Assert.True(run.ExitCode == 0, run.Output);
        return run.Build!;
    }
}
