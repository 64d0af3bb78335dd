using Slipway.Forge.Api;

namespace Slipway.Forge.Tests.Runners;

/// <summary>Getting a runner registration token through Forgejo's API, against an in-process HTTP stand-in (no Forgejo can run here).
/// The endpoint exists from Forgejo 1.21 on and is deprecated in Forgejo 15.</summary>
public sealed class RunnerRegistrationTokenAgainstInProcessForgejoStandInTests : IDisposable
{
    const string RepositoryToken = "/api/v1/repos/team/shop/actions/runners/registration-token";
    const string Registration = """{"token":"AbCdEf0123456789registration"}""";
    readonly ForgeStandIn _forgejo = new();

    public void Dispose() => _forgejo.Dispose();

    [Fact]
    public async Task TheRepositorysTokenIsFetchedWithTheApiTokenAndNeverPrinted()
    {
        _forgejo.On("GET", RepositoryToken, Registration);

        var token = await Some.Forgejo(_forgejo).GetRunnerRegistrationTokenAsync(RunnerScope.Repository);

        Assert.Equal("AbCdEf0123456789registration", token.Reveal());
        Assert.Equal("[REDACTED]", token.ToString());
        Assert.Equal("token " + Some.Token, Assert.Single(_forgejo.Requests).Authorization);
        Assert.Equal("****", Slipway.Engine.SecretMasker.Mask("AbCdEf0123456789registration"));
    }

    [Theory]
    [InlineData(RunnerScope.Organization, "/api/v1/orgs/team/actions/runners/registration-token")]
    [InlineData(RunnerScope.Instance, "/api/v1/admin/runners/registration-token")]
    public async Task OrganisationAndInstanceTokensComeFromTheirOwnEndpoints(RunnerScope scope, string path)
    {
        _forgejo.On("GET", path, Registration);

        await Some.Forgejo(_forgejo).GetRunnerRegistrationTokenAsync(scope);

        Assert.Equal(path, Assert.Single(_forgejo.Requests).Path);
    }

    [Fact]
    public async Task AForgejoWithoutTheEndpointIsOneLineNamingTheVersionAndTheWayByHand()
    {
        var refused = await Assert.ThrowsAsync<ForgeException>(() => Some.Forgejo(_forgejo).GetRunnerRegistrationTokenAsync(RunnerScope.Repository));

        Assert.StartsWith($"Forgejo at {_forgejo.BaseUrl.ToString().TrimEnd('/')} answered 404 to GET /repos/team/shop/actions/runners/registration-token", refused.Message);
        Assert.Contains("it needs 1.21 or later", refused.Message);
        Assert.Contains("Settings > Actions > Runners", refused.Message);
        Assert.DoesNotContain('\n', refused.Message);
    }

    [Fact]
    public async Task ARefusedApiTokenSaysWhichSecretToCheck()
    {
        _forgejo.On("GET", RepositoryToken, (401, """{"message":"token is required"}"""));

        var refused = await Assert.ThrowsAsync<ForgeException>(() => Some.Forgejo(_forgejo).GetRunnerRegistrationTokenAsync(RunnerScope.Repository));

        Assert.Equal(401, refused.Status);
        Assert.Contains("check the FORGEJO_TOKEN secret", refused.Message);
    }

    [Fact]
    public async Task AnAnswerWithoutATokenIsRefused()
    {
        _forgejo.On("GET", RepositoryToken, "{}");

        var refused = await Assert.ThrowsAsync<ForgeException>(() => Some.Forgejo(_forgejo).GetRunnerRegistrationTokenAsync(RunnerScope.Repository));

        Assert.Contains("without a token", refused.Message);
    }

    [Fact]
    public void AnUnknownScopeNamesTheValidOnes()
    {
        Assert.Equal(RunnerScope.Organization, RunnerScopes.Parse("org"));
        var refused = Assert.Throws<ForgeException>(() => RunnerScopes.Parse("team"));
        Assert.Equal("unknown runner scope 'team'; use repository, organization or instance (an instance token needs an admin's token)", refused.Message);
    }
}
