using Slipway.Forge.Reporting;

namespace Slipway.Forge.Tests.Previews;

/// <summary>The preview URL comment against an in-process HTTP stand-in for Forgejo (no Forgejo server can run here).</summary>
public sealed class PreviewCommentAgainstInProcessForgejoStandInTests : IDisposable
{
    const string Comments = "/api/v1/repos/team/shop/issues/42/comments";
    readonly ForgeStandIn _forgejo = new();
    readonly CollectingSink _log = new();

    public void Dispose() => _forgejo.Dispose();

    PreviewCommenter Commenter(string? token = Some.Token)
    {
        var environment = Some.CiEnvironment(_forgejo.BaseUrl, token);
        return PreviewCommenter.FromEnvironment(RunContext.FromEnvironment(environment), environment, new HttpClient(), _log.Logger);
    }

    [Fact]
    public async Task ThePreviewUrlIsCommentedOnThePullRequestThroughTheStandIn()
    {
        _forgejo.On("POST", Comments, (201, "{}"));

        var posted = await Commenter().TryPostDeployedAsync(42, new Uri("http://sandbox:10042/"), "0123456789abcdef0123456789abcdef01234567");

        Assert.True(posted);
        var request = Assert.Single(_forgejo.RequestsTo("POST", Comments));
        Assert.Equal("token " + Some.Token, request.Authorization);
        var body = request.Json.GetProperty("body").GetString()!;
        Assert.Contains("http://sandbox:10042/", body);
        Assert.Contains("`0123456789ab`", body);
        Assert.StartsWith(PreviewCommentText.Marker, body);
        Assert.Contains("Commented the preview URL on pull request #42", _log.Information);
    }

    [Fact]
    public async Task TheRemovalOfAPreviewIsCommentedThroughTheStandIn()
    {
        _forgejo.On("POST", Comments, (201, "{}"));

        Assert.True(await Commenter().TryPostRemovedAsync(42, "shop-pr-42"), string.Join("; ", _log.Warnings));

        Assert.Contains("`shop-pr-42`", Assert.Single(_forgejo.RequestsTo("POST", Comments)).Json.GetProperty("body").GetString());
    }

    [Fact]
    public async Task ACommentTheStandInRefusesIsAWarningNeverAFailure()
    {
        _forgejo.On("POST", Comments, (403, """{"message":"token does not have at least one of required scope(s): [write:issue]"}"""));

        var posted = await Commenter().TryPostDeployedAsync(42, new Uri("http://sandbox:10042/"), "abc");

        Assert.False(posted);
        var warning = Assert.Single(_log.Warnings);
        Assert.StartsWith("Could not report the preview URL to \"Forgejo\": Forgejo denied POST /repos/team/shop/issues/42/comments (403)", warning);
        Assert.DoesNotContain(Some.Token, warning);
    }

    [Fact]
    public async Task WithoutATokenNothingIsSentAndOneLineSaysWhy()
    {
        var posted = await Commenter(token: null).TryPostDeployedAsync(42, new Uri("http://sandbox:10042/"), "abc");

        Assert.False(posted);
        Assert.Empty(_forgejo.Requests);
        Assert.StartsWith("Not reporting the preview URL to the forge: no token", Assert.Single(_log.Warnings));
    }
}
