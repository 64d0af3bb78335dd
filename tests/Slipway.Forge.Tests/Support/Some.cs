using Slipway.Forge.Api;
using Slipway.Forge.Reporting;

namespace Slipway.Forge.Tests.Support;

/// <summary>Ready-made values for tests.</summary>
static class Some
{
    public const string Token = "s3cret-forge-token";
    public static readonly ForgeRepository Repository = new("team", "shop");

    public static RunContext Run(string branch = "main", string workflow = "deploy-prod", string sha = "0123456789abcdef0123456789abcdef01234567") =>
        new(ForgeKind.Forgejo, "https://forge.example", "team/shop", "9001", "17", workflow, branch, sha);

    public static Dictionary<string, string> CiEnvironment(Uri server, string? token = Token)
    {
        var environment = new Dictionary<string, string>
        {
            ["FORGE_KIND"] = "forgejo",
            ["FORGE_SERVER_URL"] = server.ToString().TrimEnd('/'),
            ["FORGE_REPOSITORY"] = "team/shop",
            ["FORGE_RUN_ID"] = "9001",
            ["FORGE_RUN_NUMBER"] = "17",
            ["FORGE_WORKFLOW"] = "deploy-prod",
            ["FORGE_REF_NAME"] = "main",
            ["FORGE_SHA"] = "0123456789abcdef0123456789abcdef01234567",
        };
        if (token is not null)
            environment["FORGEJO_TOKEN"] = token;
        return environment;
    }

    public static ForgejoForge Forgejo(ForgeStandIn standIn, string token = Token) =>
        new(standIn.BaseUrl, Repository, new ForgeToken(token), new HttpClient());

    public static string Issue(int number, string body, bool isPullRequest = false) =>
        $$"""{"number":{{number}},"title":"issue {{number}}","body":{{System.Text.Json.JsonSerializer.Serialize(body)}},"html_url":"https://forge.example/team/shop/issues/{{number}}","state":"open","labels":[],"pull_request":{{(isPullRequest ? """{"merged":false}""" : "null")}}}""";

    public static string Issues(params string[] issues) => "[" + string.Join(",", issues) + "]";
}
