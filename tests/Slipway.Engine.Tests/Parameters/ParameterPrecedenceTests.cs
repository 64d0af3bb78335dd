using Slipway.Engine.Tests.Support;

namespace Slipway.Engine.Tests.Parameters;

using Assert = Xunit.Assert;

public sealed class ParameterPrecedenceTests
{
    /// <summary>Highest precedence first.</summary>
    static readonly string[] s_sources = ["cli", "slipway-env", "env", "profile", "json"];

    public static TheoryData<string, string> Pairs()
    {
        var data = new TheoryData<string, string>();
        for (var higher = 0; higher < s_sources.Length; higher++)
            for (var lower = higher + 1; lower < s_sources.Length; lower++)
                data.Add(s_sources[higher], s_sources[lower]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void TheHigherSourceWins(string higher, string lower)
    {
        var run = RunWith(higher, lower);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(higher, run.Build!.RegistryUrl);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void AnySourceWinsOverTheDefault(string source) => Assert.Equal(source, RunWith(source).Build!.RegistryUrl);

    public static TheoryData<string> Sources() => new(s_sources);

    [Fact]
    public void WithoutAnySourceTheFieldInitializerStays() => Assert.Equal("default", RunWith().Build!.RegistryUrl);

    [Fact]
    public void LaterProfilesWin()
    {
        using var root = new TempRoot()
            .WithParameters("""{"RegistryUrl": "first", "Retries": 7}""", profile: "first")
            .WithParameters("""{"RegistryUrl": "second"}""", profile: "second");

        var run = BuildRunner.Run<ParameterBuild>(x => x.Show, ["--profile", "first", "--profile", "second"], [], root);

        Assert.Equal("second", run.Build!.RegistryUrl);
        Assert.Equal(7, run.Build.Retries);
    }

    [Fact]
    public void AnEmptyEnvironmentVariableCountsAsUnset()
    {
        var run = BuildRunner.Run<ParameterBuild>(x => x.Show, [], new() { ["REGISTRY_URL"] = "" });

        Assert.Equal("default", run.Build!.RegistryUrl);
    }

    [Fact]
    public void ASecretSourceSitsBetweenTheEnvironmentAndTheFiles()
    {
        using var root = new TempRoot().WithParameters("""{"ApiToken": "from-json"}""");

        var fromSource = BuildRunner.Run<ParameterBuild>(x => x.Show, ["--vault", "prod"], [], root);
        var fromEnvironment = BuildRunner.Run<ParameterBuild>(x => x.Show, ["--vault", "prod"], new() { ["API_TOKEN"] = "from-env" }, root);
        var fromJson = BuildRunner.Run<ParameterBuild>(x => x.Show, [], [], root);

        Assert.Equal("prod-token", fromSource.Build!.ApiToken);
        Assert.Equal("from-env", fromEnvironment.Build!.ApiToken);
        Assert.Equal("from-json", fromJson.Build!.ApiToken);
    }

    static BuildRun<ParameterBuild> RunWith(params string[] sources)
    {
        using var root = new TempRoot();
        var args = new List<string>();
        var environment = new Dictionary<string, string>();
        foreach (var source in sources)
        {
            switch (source)
            {
                case "cli": args.AddRange(["--registry-url", source]); break;
                case "slipway-env": environment["SLIPWAY_REGISTRY_URL"] = source; break;
                case "env": environment["REGISTRY_URL"] = source; break;
                case "profile": root.WithParameters("""{"RegistryUrl": "profile"}""", profile: "ci"); args.AddRange(["--profile", "ci"]); break;
                case "json": root.WithParameters("""{"$schema": "./build.schema.json", "RegistryUrl": "json"}"""); break;
            }
        }
        return BuildRunner.Run<ParameterBuild>(x => x.Show, [.. args], environment, root);
    }
}
