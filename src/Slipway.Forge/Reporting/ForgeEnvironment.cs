namespace Slipway.Forge.Reporting;

/// <summary>The variables a generated workflow hands the build so it can report to the forge; read back by <see cref="RunContext"/>.</summary>
public static class ForgeEnvironment
{
    public const string Kind = "FORGE_KIND";
    public const string Token = "FORGEJO_TOKEN";
    public const string ServerUrl = "FORGE_SERVER_URL";
    public const string Repository = "FORGE_REPOSITORY";
    public const string RunId = "FORGE_RUN_ID";
    public const string RunNumber = "FORGE_RUN_NUMBER";
    public const string Workflow = "FORGE_WORKFLOW";
    public const string RefName = "FORGE_REF_NAME";
    public const string HeadRef = "FORGE_HEAD_REF";
    public const string Sha = "FORGE_SHA";

    /// <summary>Each variable with the workflow expression that fills it (the token and workflow name are added per workflow).</summary>
    internal static IReadOnlyList<(string Name, string Expression)> FromRunContext { get; } =
    [
        (ServerUrl, "${{ github.server_url }}"),
        (Repository, "${{ github.repository }}"),
        (RunId, "${{ github.run_id }}"),
        (RunNumber, "${{ github.run_number }}"),
        (RefName, "${{ github.ref_name }}"),
        (HeadRef, "${{ github.head_ref }}"),
        // A pull request's github.sha is a merge commit nobody sees; statuses belong on the head commit.
        (Sha, "${{ github.event.pull_request.head.sha || github.sha }}"),
    ];
}
