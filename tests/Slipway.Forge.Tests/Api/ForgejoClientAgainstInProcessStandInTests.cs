using Slipway.Forge.Api;

namespace Slipway.Forge.Tests.Api;

/// <summary>ForgejoForge against an in-process HTTP stand-in for Forgejo (no Forgejo server can run here).</summary>
public sealed class ForgejoClientAgainstInProcessStandInTests : IDisposable
{
    const string Issues = "/api/v1/repos/team/shop/issues";
    const string Labels = "/api/v1/repos/team/shop/labels";
    readonly ForgeStandIn _forgejo = new();

    public void Dispose() => _forgejo.Dispose();

    [Fact]
    public async Task EveryCallCarriesTheTokenInTheAuthorizationHeader()
    {
        _forgejo.On("POST", "/api/v1/repos/team/shop/issues/3/comments", (201, "{}"));

        await Some.Forgejo(_forgejo).CommentAsync(3, "hello");

        Assert.Equal("token " + Some.Token, Assert.Single(_forgejo.Requests).Authorization);
    }

    [Fact]
    public async Task OpenIssuesAreFoundByLabelAndBodyLeavingPullRequestsOut()
    {
        _forgejo.On("GET", Issues, Some.Issues(
            Some.Issue(4, "x <!-- slipway:failure target=Test branch=main workflow=ci -->"),
            Some.Issue(5, "unrelated"),
            Some.Issue(6, "<!-- slipway:failure target=Test branch=main workflow=ci -->", isPullRequest: true)));

        var found = await Some.Forgejo(_forgejo).FindOpenIssuesAsync("bug", "slipway:failure target=Test branch=main ");

        Assert.Equal([4], found.Select(issue => issue.Number));
        Assert.Equal("state=open&type=issues&labels=bug&limit=50&page=1", Assert.Single(_forgejo.Requests).Query);
    }

    [Fact]
    public async Task AnIssueIsCreatedWithTheIdOfTheLabelLookedUpByName()
    {
        _forgejo.On("GET", Labels, """[{"id":3,"name":"enhancement"},{"id":7,"name":"bug"}]""")
            .On("POST", Issues, (201, Some.Issue(12, "body")));

        var issue = await Some.Forgejo(_forgejo).CreateIssueAsync("CI: Test failed on main", "body", ["bug"]);

        Assert.Equal(12, issue.Number);
        var created = Assert.Single(_forgejo.RequestsTo("POST", Issues)).Json;
        Assert.Equal("CI: Test failed on main", created.GetProperty("title").GetString());
        Assert.Equal([7L], created.GetProperty("labels").EnumerateArray().Select(id => id.GetInt64()));
    }

    [Fact]
    public async Task AMissingLabelIsCreatedOnce()
    {
        _forgejo.On("GET", Labels, "[]").On("POST", Labels, (201, """{"id":21,"name":"bug"}"""));

        var id = await Some.Forgejo(_forgejo).EnsureLabelIdAsync("bug");

        Assert.Equal(21, id);
        Assert.Equal("bug", Assert.Single(_forgejo.RequestsTo("POST", Labels)).Json.GetProperty("name").GetString());
    }

    [Fact]
    public async Task ClosingCommentsFirstThenSetsTheStateToClosed()
    {
        _forgejo.On("POST", "/api/v1/repos/team/shop/issues/9/comments", (201, "{}"))
            .On("PATCH", "/api/v1/repos/team/shop/issues/9", Some.Issue(9, ""));

        await Some.Forgejo(_forgejo).CloseIssueAsync(9, "green again");

        Assert.Equal(["POST", "PATCH"], _forgejo.Requests.Select(r => r.Method));
        Assert.Equal("green again", _forgejo.Requests[0].Json.GetProperty("body").GetString());
        Assert.Equal("closed", _forgejo.Requests[1].Json.GetProperty("state").GetString());
    }

    [Theory]
    [InlineData(CommitState.Pending, "pending")]
    [InlineData(CommitState.Success, "success")]
    [InlineData(CommitState.Failure, "failure")]
    public async Task ACommitStatusIsPostedForTheSha(CommitState state, string written)
    {
        _forgejo.On("POST", "/api/v1/repos/team/shop/statuses/abc123", (201, "{}"));

        await Some.Forgejo(_forgejo).SetCommitStatusAsync(new CommitStatus("abc123", state, "slipway/deploy-prod", "Deploying", "https://forge.example/run/1"));

        var status = Assert.Single(_forgejo.Requests).Json;
        Assert.Equal(written, status.GetProperty("state").GetString());
        Assert.Equal("slipway/deploy-prod", status.GetProperty("context").GetString());
        Assert.Equal("Deploying", status.GetProperty("description").GetString());
        Assert.Equal("https://forge.example/run/1", status.GetProperty("target_url").GetString());
    }

    [Fact]
    public async Task ARefusedTokenIsOneLineNamingTheCallAndTheSecretButNotTheToken()
    {
        _forgejo.On("POST", "/api/v1/repos/team/shop/statuses/abc", (401, """{"message":"token is required"}"""));

        var exception = await Assert.ThrowsAsync<ForgeException>(() =>
            Some.Forgejo(_forgejo).SetCommitStatusAsync(new CommitStatus("abc", CommitState.Pending, "c", "d", null)));

        Assert.Equal("Forgejo refused the token (401) for POST /repos/team/shop/statuses/abc; check the FORGEJO_TOKEN secret: it is wrong, expired or revoked", exception.Message);
        Assert.DoesNotContain(Some.Token, exception.Message);
    }

    [Fact]
    public async Task NotFoundNamesTheRepositoryAndTheServer()
    {
        _forgejo.On("GET", Labels, (404, """{"message":"The target couldn't be found."}"""));

        var exception = await Assert.ThrowsAsync<ForgeException>(() => Some.Forgejo(_forgejo).EnsureLabelIdAsync("bug"));

        Assert.StartsWith("Forgejo found nothing at GET /repos/team/shop/labels (404) (it said: The target couldn't be found.); check that the repository team/shop exists on http://127.0.0.1:", exception.Message);
        Assert.DoesNotContain("\n", exception.Message);
    }

    [Fact]
    public async Task ARejectedRequestCarriesForgejosReason()
    {
        _forgejo.On("GET", Labels, """[{"id":7,"name":"bug"}]""")
            .On("POST", Issues, (422, """{"message":"[Title]: Required","url":"https://forge.example/api/swagger"}"""));

        var exception = await Assert.ThrowsAsync<ForgeException>(() => Some.Forgejo(_forgejo).CreateIssueAsync("", "b", ["bug"]));

        Assert.Equal("Forgejo rejected POST /repos/team/shop/issues (422) (it said: [Title]: Required); the request's fields were refused (label, state or sha)", exception.Message);
    }

    [Fact]
    public async Task AnUnreachableServerIsOneLineNamingTheAddress()
    {
        var gone = _forgejo.BaseUrl;
        _forgejo.Dispose();
        var forge = new ForgejoForge(gone, Some.Repository, new ForgeToken(Some.Token), new HttpClient());

        var exception = await Assert.ThrowsAsync<ForgeException>(() => forge.CommentAsync(1, "x"));

        Assert.StartsWith($"could not reach Forgejo at {gone.ToString().TrimEnd('/')} for POST /repos/team/shop/issues/1/comments: ", exception.Message);
    }

    [Fact]
    public void TheTokenPrintsAsRedacted() =>
        Assert.Equal("[REDACTED]", new ForgeToken(Some.Token).ToString());

    [Fact]
    public void RequestsAreBuiltApartFromSending()
    {
        var request = ForgejoRequests.ListOpenIssues(new ForgeRepository("a b", "c"), "needs triage", page: 2);
        Assert.Equal("repos/a%20b/c/issues?state=open&type=issues&labels=needs%20triage&limit=50&page=2", request.Path);
        Assert.Equal(HttpMethod.Patch, ForgejoRequests.Close(Some.Repository, 3).Method);
    }
}
