using Slipway.Forge.Api;
using Slipway.Forge.Reporting;

namespace Slipway.Forge.Tests.Reporting;

/// <summary>The failure reporter talking to an in-process HTTP stand-in for Forgejo (no Forgejo server can run here).</summary>
public sealed class FailureReporterAgainstInProcessForgejoStandInTests : IDisposable
{
    const string Issues = "/api/v1/repos/team/shop/issues";
    const string Labels = "/api/v1/repos/team/shop/labels";
    const string OpenForDeployProdOnMain = "<!-- slipway:failure target=DeployProd branch=main workflow=deploy-prod -->";
    readonly ForgeStandIn _forgejo = new();
    readonly CollectingSink _log = new();

    public void Dispose() => _forgejo.Dispose();

    FailureReporter Reporter(string? token = Some.Token) =>
        FailureReporter.FromEnvironment(RunContext.FromEnvironment(Some.CiEnvironment(_forgejo.BaseUrl, token)),
            Some.CiEnvironment(_forgejo.BaseUrl, token), new HttpClient(), _log.Logger);

    RunContext Run => RunContext.FromEnvironment(Some.CiEnvironment(_forgejo.BaseUrl));

    [Fact]
    public async Task AFirstFailureOpensABugIssueNamingTargetRunBranchAndCommit()
    {
        _forgejo.On("GET", Issues, "[]").On("GET", Labels, """[{"id":7,"name":"bug"}]""").On("POST", Issues, (201, Some.Issue(40, "")));

        var reported = await Reporter().TryReportFailureAsync(Run, "DeployProd", "Smoke test failed: /health answered 503");

        Assert.True(reported);
        var issue = Assert.Single(_forgejo.RequestsTo("POST", Issues)).Json;
        var body = issue.GetProperty("body").GetString()!;
        Assert.Equal("CI: DeployProd failed on main", issue.GetProperty("title").GetString());
        Assert.Equal([7L], issue.GetProperty("labels").EnumerateArray().Select(id => id.GetInt64()));
        Assert.Contains($"[run #17]({_forgejo.BaseUrl.ToString().TrimEnd('/')}/team/shop/actions/runs/17)", body);
        Assert.Contains("`main`", body);
        Assert.Contains("[`0123456789ab`]", body);
        Assert.Contains("Smoke test failed: /health answered 503", body);
        Assert.EndsWith(OpenForDeployProdOnMain, body);
        Assert.Contains(_log.Information, line => line.StartsWith("Opened issue #40 for the failure of \"DeployProd\" on \"main\""));
    }

    [Fact]
    public async Task ASecondFailureOfTheSameTargetAndBranchCommentsInsteadOfOpeningAnother()
    {
        _forgejo.On("GET", Issues, Some.Issues(Some.Issue(40, "first failure\n" + OpenForDeployProdOnMain)))
            .On("POST", Issues + "/40/comments", (201, "{}"));

        var reported = await Reporter().TryReportFailureAsync(Run, "DeployProd", "still broken");

        Assert.True(reported);
        Assert.Empty(_forgejo.RequestsTo("POST", Issues));
        Assert.Contains("failed again in [run #17]", Assert.Single(_forgejo.RequestsTo("POST", Issues + "/40/comments")).Json.GetProperty("body").GetString());
    }

    [Fact]
    public async Task TheSameTargetFailingOnAnotherBranchGetsItsOwnIssue()
    {
        _forgejo.On("GET", Issues, Some.Issues(Some.Issue(40, "<!-- slipway:failure target=DeployProd branch=main-old workflow=deploy-prod -->")))
            .On("GET", Labels, """[{"id":7,"name":"bug"}]""").On("POST", Issues, (201, Some.Issue(41, "")));

        await Reporter().TryReportFailureAsync(Run, "DeployProd", "broken");

        Assert.Single(_forgejo.RequestsTo("POST", Issues));
    }

    [Fact]
    public async Task AGreenRunClosesWithACommentTheOpenIssuesOfItsWorkflowAndBranchOnly()
    {
        _forgejo.On("GET", Issues, Some.Issues(
                Some.Issue(40, OpenForDeployProdOnMain),
                Some.Issue(42, "<!-- slipway:failure target=SmokeTest branch=main workflow=deploy-prod -->"),
                Some.Issue(43, "<!-- slipway:failure target=DeployDev branch=develop workflow=deploy-dev -->")))
            .On("POST", Issues + "/40/comments", (201, "{}")).On("PATCH", Issues + "/40", Some.Issue(40, ""))
            .On("POST", Issues + "/42/comments", (201, "{}")).On("PATCH", Issues + "/42", Some.Issue(42, ""));

        var reported = await Reporter().TryReportSuccessAsync(Run, "deploy-prod", "main");

        Assert.True(reported);
        Assert.Equal(["/api/v1/repos/team/shop/issues/40", "/api/v1/repos/team/shop/issues/42"],
            _forgejo.Requests.Where(r => r.Method == "PATCH").Select(r => r.Path));
        Assert.Contains("passed at commit", _forgejo.RequestsTo("POST", Issues + "/40/comments")[0].Json.GetProperty("body").GetString());
    }

    [Fact]
    public async Task AMissingTokenIsOneWarningAndNeitherACallNorAnException()
    {
        var reported = await Reporter(token: null).TryReportFailureAsync(Run, "DeployProd", "broken");

        Assert.False(reported);
        Assert.Empty(_forgejo.Requests);
        var warning = Assert.Single(_log.Warnings);
        Assert.StartsWith("Not reporting the failure of DeployProd to the forge: no token: add a FORGEJO_TOKEN repository secret", warning);
    }

    [Fact]
    public async Task ARefusingForgeIsOneWarningAndTheOriginalFailureStandsAlone()
    {
        _forgejo.On("GET", Issues, (401, """{"message":"invalid token"}"""));

        var reported = await Reporter().TryReportFailureAsync(Run, "DeployProd", "broken");

        Assert.False(reported);
        var warning = Assert.Single(_log.Warnings);
        Assert.Contains("Forgejo refused the token (401) for GET /repos/team/shop/issues; check the FORGEJO_TOKEN secret", warning);
        Assert.DoesNotContain(Some.Token, warning);
    }

    [Fact]
    public async Task OutsideCiTheMissingVariablesAreNamed()
    {
        var run = RunContext.FromEnvironment(new Dictionary<string, string>());
        var reporter = FailureReporter.FromEnvironment(run, new Dictionary<string, string>(), new HttpClient(), _log.Logger);

        Assert.False(await reporter.TryReportSuccessAsync(run, "deploy-prod", "main"));
        Assert.Contains("GITHUB_SERVER_URL, GITHUB_REPOSITORY", Assert.Single(_log.Warnings));
    }

    [Fact]
    public async Task CommitStatusesLinkToTheRun()
    {
        _forgejo.On("POST", "/api/v1/repos/team/shop/statuses/0123456789abcdef0123456789abcdef01234567", (201, "{}"));
        var statuses = CommitStatusReporter.FromEnvironment(Run, Some.CiEnvironment(_forgejo.BaseUrl), new HttpClient(), _log.Logger);

        Assert.True(await statuses.TrySetAsync(Run, CommitState.Pending, "slipway/deploy-prod", "Deploying to prod"));
        Assert.True(await statuses.TrySetAsync(Run, CommitState.Success, "slipway/deploy-prod", "prod answers"));

        Assert.Equal(["pending", "success"], _forgejo.Requests.Select(r => r.Json.GetProperty("state").GetString()));
        Assert.EndsWith("/team/shop/actions/runs/17", _forgejo.Requests[0].Json.GetProperty("target_url").GetString());
    }

    [Fact]
    public async Task AFailedStatusCallIsAWarningNotAnException()
    {
        _forgejo.On("POST", "/api/v1/repos/team/shop/statuses/0123456789abcdef0123456789abcdef01234567", (422, """{"message":"invalid state"}"""));
        var statuses = CommitStatusReporter.FromEnvironment(Run, Some.CiEnvironment(_forgejo.BaseUrl), new HttpClient(), _log.Logger);

        Assert.False(await statuses.TrySetAsync(Run, CommitState.Failure, "slipway/deploy-prod", "Smoke test failed"));
        Assert.Contains("(422) (it said: invalid state)", Assert.Single(_log.Warnings));
    }
}
