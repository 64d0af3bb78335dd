using Slipway.Forge.Reporting;

namespace Slipway.Forge.Tests.Reporting;

public class RunContextTests
{
    static readonly Dictionary<string, string> GitHubVariables = new()
    {
        ["GITHUB_SERVER_URL"] = "https://forge.example/",
        ["GITHUB_REPOSITORY"] = "team/shop",
        ["GITHUB_RUN_ID"] = "9001",
        ["GITHUB_RUN_NUMBER"] = "17",
        ["GITHUB_WORKFLOW"] = "deploy-dev",
        ["GITHUB_REF_NAME"] = "develop",
        ["GITHUB_SHA"] = "abcdef0123456789",
    };

    [Fact]
    public void TheVariablesForgejoActionsSetsAreEnough()
    {
        var run = RunContext.FromEnvironment(new Dictionary<string, string>(GitHubVariables) { ["FORGEJO_ACTIONS"] = "true" });

        Assert.True(run.IsComplete);
        Assert.Equal(ForgeKind.Forgejo, run.Kind);
        Assert.Equal("develop", run.Branch);
        Assert.Equal("https://forge.example/team/shop/actions/runs/17", run.RunUrl);
        Assert.Equal("https://forge.example/team/shop/commit/abcdef0123456789", run.CommitUrl);
    }

    [Fact]
    public void GitHubLinksARunByItsId()
    {
        var run = RunContext.FromEnvironment(new Dictionary<string, string>(GitHubVariables) { ["GITHUB_ACTIONS"] = "true" });
        Assert.Equal("https://forge.example/team/shop/actions/runs/9001", run.RunUrl);
    }

    [Fact]
    public void TheWorkflowsOwnVariablesWinAndAPullRequestIsKnownByItsHeadBranch()
    {
        var run = RunContext.FromEnvironment(new Dictionary<string, string>(GitHubVariables)
        {
            ["FORGE_WORKFLOW"] = "pull-request",
            ["FORGE_REF_NAME"] = "12/merge",
            ["FORGE_HEAD_REF"] = "feature/login",
            ["FORGE_SHA"] = "feedface",
        });

        Assert.Equal(("pull-request", "feature/login", "feedface"), (run.Workflow, run.Branch, run.Sha));
    }

    [Fact]
    public void WhatIsMissingIsListed()
    {
        var run = RunContext.FromEnvironment(new Dictionary<string, string> { ["GITHUB_REPOSITORY"] = "team/shop" });
        Assert.False(run.IsComplete);
        Assert.Equal(["GITHUB_SERVER_URL", "GITHUB_RUN_ID", "GITHUB_RUN_NUMBER", "GITHUB_WORKFLOW", "GITHUB_REF_NAME", "GITHUB_SHA"], run.Missing);
    }

    [Fact]
    public void TheMarkerReadsBackFromAnIssueBody()
    {
        var marker = new FailureMarker("DeployProd", "release/1.2", "deploy-prod");
        Assert.Equal("<!-- slipway:failure target=DeployProd branch=release/1.2 workflow=deploy-prod -->", marker.ToString());
        Assert.Equal(marker, FailureMarker.Find($"text\n\n{marker}\n"));
        Assert.Null(FailureMarker.Find("no marker here"));
    }
}
