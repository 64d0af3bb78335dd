using Slipway.Forge.Api;
using Slipway.Forge.Reporting;

namespace Slipway.Forge.Tests.Api;

public class ForgeConnectionTests
{
    static readonly Uri Server = new("https://forge.example");

    [Fact]
    public void AForgejoRunWithATokenGetsTheForgejoClient()
    {
        var environment = Some.CiEnvironment(Server);
        Assert.IsType<ForgejoForge>(ForgeConnection.TryCreate(RunContext.FromEnvironment(environment), environment, new HttpClient(), out _));
    }

    [Fact]
    public void AGitHubRunUsesOctokitAndItsToken()
    {
        var environment = Some.CiEnvironment(Server, token: null);
        environment["FORGE_KIND"] = "github";
        environment["GITHUB_TOKEN"] = "ghs_abcdef";
        Assert.IsType<GitHubForge>(ForgeConnection.TryCreate(RunContext.FromEnvironment(environment), environment, new HttpClient(), out _));
    }

    [Fact]
    public void AMissingTokenGivesNoClientAndTheReason()
    {
        var environment = Some.CiEnvironment(Server, token: null);
        Assert.Null(ForgeConnection.TryCreate(RunContext.FromEnvironment(environment), environment, new HttpClient(), out var reason));
        Assert.StartsWith("no token: add a FORGEJO_TOKEN repository secret", reason);
    }

    [Fact]
    public void AMalformedRepositoryGivesNoClientAndTheReason()
    {
        var environment = Some.CiEnvironment(Server);
        environment["FORGE_REPOSITORY"] = "just-a-name";
        Assert.Null(ForgeConnection.TryCreate(RunContext.FromEnvironment(environment), environment, new HttpClient(), out var reason));
        Assert.Equal("'just-a-name' is not a repository; expected owner/name (as in GITHUB_REPOSITORY)", reason);
    }
}
