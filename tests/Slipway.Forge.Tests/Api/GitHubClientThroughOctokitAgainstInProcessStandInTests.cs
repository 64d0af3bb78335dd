using Slipway.Forge.Api;

namespace Slipway.Forge.Tests.Api;

/// <summary>GitHubForge (Octokit) pointed at an in-process HTTP stand-in for GitHub, which cannot be reached here; Octokit puts /api/v3 before Enterprise paths.</summary>
public sealed class GitHubClientThroughOctokitAgainstInProcessStandInTests : IDisposable
{
    const string Issues = "/api/v3/repos/team/shop/issues";
    readonly ForgeStandIn _github = new();

    public void Dispose() => _github.Dispose();

    GitHubForge Forge => new(Some.Repository, new ForgeToken(Some.Token), _github.BaseUrl);

    [Fact]
    public async Task AnIssueIsCreatedWithItsLabelByNameAndTheTokenSent()
    {
        _github.On("GET", "/api/v3/repos/team/shop/labels/bug", """{"id":7,"name":"bug","color":"d73a4a"}""")
            .On("POST", Issues, (201, Some.Issue(31, "body")));

        var issue = await Forge.CreateIssueAsync("CI: Test failed on main", "body", ["bug"]);

        Assert.Equal(31, issue.Number);
        var created = Assert.Single(_github.RequestsTo("POST", Issues));
        Assert.Equal(["bug"], created.Json.GetProperty("labels").EnumerateArray().Select(label => label.GetString()));
        Assert.Equal("Token " + Some.Token, created.Authorization);
    }

    [Fact]
    public async Task AMissingLabelIsCreated()
    {
        _github.On("GET", "/api/v3/repos/team/shop/labels/bug", (404, """{"message":"Not Found"}"""))
            .On("POST", "/api/v3/repos/team/shop/labels", (201, """{"id":8,"name":"bug","color":"d73a4a"}"""));

        Assert.Equal(8, await Forge.EnsureLabelIdAsync("bug"));
    }

    [Fact]
    public async Task OpenIssuesAreFoundByLabelLeavingPullRequestsOut()
    {
        _github.On("GET", Issues, Some.Issues(Some.Issue(1, "marker"), Some.Issue(2, "marker", isPullRequest: true), Some.Issue(3, "other")));

        var found = await Forge.FindOpenIssuesAsync("bug", "marker");

        Assert.Equal([1], found.Select(issue => issue.Number));
        Assert.Contains("labels=bug", _github.Requests[0].Query);
        Assert.Contains("state=open", _github.Requests[0].Query);
    }

    [Fact]
    public async Task ClosingCommentsThenPatchesTheState()
    {
        _github.On("POST", "/api/v3/repos/team/shop/issues/5/comments", (201, """{"id":1,"body":"green"}"""))
            .On("PATCH", "/api/v3/repos/team/shop/issues/5", Some.Issue(5, ""));

        await Forge.CloseIssueAsync(5, "green");

        Assert.Equal(["POST", "PATCH"], _github.Requests.Select(r => r.Method));
        Assert.Equal("closed", _github.Requests[1].Json.GetProperty("state").GetString());
    }

    [Fact]
    public async Task ACommitStatusIsPosted()
    {
        _github.On("POST", "/api/v3/repos/team/shop/statuses/abc", (201, """{"id":1,"state":"failure","context":"slipway/deploy-dev"}"""));

        await Forge.SetCommitStatusAsync(new CommitStatus("abc", CommitState.Failure, "slipway/deploy-dev", "Smoke test failed", "https://x/run/1"));

        var status = Assert.Single(_github.Requests).Json;
        Assert.Equal("failure", status.GetProperty("state").GetString());
        Assert.Equal("https://x/run/1", status.GetProperty("target_url").GetString());
    }

    [Fact]
    public async Task ARefusedTokenIsOneLineNamingTheSecret()
    {
        _github.On("POST", "/api/v3/repos/team/shop/issues/5/comments", (401, """{"message":"Bad credentials"}"""));

        var exception = await Assert.ThrowsAsync<ForgeException>(() => Forge.CommentAsync(5, "x"));

        Assert.Equal("GitHub refused the token (401) for POST /repos/team/shop/issues/5/comments; check the GITHUB_TOKEN secret: it is wrong, expired or revoked", exception.Message);
    }

    [Fact]
    public async Task AValidationErrorCarriesGitHubsReason()
    {
        _github.On("POST", "/api/v3/repos/team/shop/statuses/abc", (422, """{"message":"Validation Failed","errors":[]}"""));

        var exception = await Assert.ThrowsAsync<ForgeException>(() =>
            Forge.SetCommitStatusAsync(new CommitStatus("abc", CommitState.Success, "c", "d", null)));

        Assert.Equal("GitHub rejected POST /repos/team/shop/statuses/abc (422) (it said: Validation Failed); the request's fields were refused (label, state or sha)", exception.Message);
    }
}
