using Slipway.Integration.Tests.Support;

namespace Slipway.Integration.Tests;

/// <summary>The build as its users call it: bad input is one line with the fix, a non-zero exit, and nothing run.</summary>
public sealed class BuildCliTests
{
    static void AssertRejectedBeforeAnythingRan(Slipway.Tooling.ToolResult run, string expected)
    {
        var output = run.StandardOutput + run.StandardError;
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(expected, output);
        Assert.DoesNotContain("=== ", output); // no target header: nothing executed
        Assert.Single(output.Split('\n'), line => line.Contains("[ERR]"));
    }

    static string ComposeDirectory(string devYaml)
    {
        var directory = Repository.TempDirectory("bad-compose");
        File.Copy(Path.Combine(Repository.Root, "compose", "compose.yml"), Path.Combine(directory, "compose.yml"));
        File.WriteAllText(Path.Combine(directory, "dev.yml"), devYaml);
        return directory;
    }

    [Fact]
    public async Task AnUnknownTargetListsTheValidOnes()
    {
        var run = await BuildCli.RunAsync("DeployDve");

        AssertRejectedBeforeAnythingRan(run, "Unknown target 'DeployDve'");
        Assert.Contains("DeployDev", run.StandardOutput + run.StandardError);
        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public async Task AnUnknownParameterSuggestsTheNearestOne()
    {
        var run = await BuildCli.RunAsync("Compile", "--regsitry-url", "x");

        AssertRejectedBeforeAnythingRan(run, "did you mean '--registry-url'");
    }

    [Fact]
    public async Task AParameterWithoutValueSaysWhatItNeeds()
    {
        var run = await BuildCli.RunAsync("Compile", "--registry-url");

        AssertRejectedBeforeAnythingRan(run, "'--registry-url' needs a value");
    }

    [Fact]
    public async Task MalformedComposeYamlStopsDeployDevBeforeAnythingRuns()
    {
        var run = await BuildCli.RunAsync("DeployDev", "--compose-directory", ComposeDirectory("services:\n  app: [unclosed\n"));

        AssertRejectedBeforeAnythingRan(run, "dev.yml:");
        Assert.Contains("malformed YAML", run.StandardOutput);
    }

    [Fact]
    public async Task AnUnsupportedComposeKeyStopsDeployDevNamingFileLineAndKey()
    {
        var run = await BuildCli.RunAsync("DeployDev", "--compose-directory", ComposeDirectory("services:\n  app:\n    privileged: true\n"));

        AssertRejectedBeforeAnythingRan(run, "dev.yml:3:5 services/app");
        Assert.Contains("privileged", run.StandardOutput);
    }

    [Fact]
    public async Task AnUnreachableEngineFailsWithTheEndpointAndTheFix()
    {
        var run = await BuildCli.RunAsync("Prerequisites", "--docker-host", "unix:///nonexistent/docker.sock");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Docker engine unreachable at unix:///nonexistent/docker.sock", run.StandardOutput);
        Assert.Contains("DOCKER_HOST", run.StandardOutput);
    }

    [Fact]
    public async Task HelpListsTheTargetsInPipelineOrderWithTheDefaultMarked()
    {
        var run = await BuildCli.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        var order = new[] { "Prerequisites", "Compile", "Test (default)", "BuildImage", "PushRegistry", "DeployDev", "SmokeTest" }
            .Select(name => run.StandardOutput.IndexOf("  " + name, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
    }
}
