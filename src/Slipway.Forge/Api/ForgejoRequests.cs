namespace Slipway.Forge.Api;

/// <summary>A Forgejo API request before it is sent: method, path under /api/v1 and the JSON body.</summary>
internal sealed record ForgeRequest(HttpMethod Method, string Path, object? Body = null);

/// <summary>Builds the Forgejo /api/v1 requests, apart from sending them, so they can be checked without a server.</summary>
internal static class ForgejoRequests
{
    public const int PageSize = 50;

    public static ForgeRequest ListOpenIssues(ForgeRepository repository, string label, int page) => new(HttpMethod.Get,
        $"{repository.ApiPath}/issues?state=open&type=issues&labels={Uri.EscapeDataString(label)}&limit={PageSize}&page={page}");

    public static ForgeRequest CreateIssue(ForgeRepository repository, string title, string body, IReadOnlyList<long> labelIds) =>
        new(HttpMethod.Post, $"{repository.ApiPath}/issues", new { title, body, labels = labelIds });

    public static ForgeRequest Comment(ForgeRepository repository, int number, string body) =>
        new(HttpMethod.Post, $"{repository.ApiPath}/issues/{number}/comments", new { body });

    public static ForgeRequest Close(ForgeRepository repository, int number) =>
        new(HttpMethod.Patch, $"{repository.ApiPath}/issues/{number}", new { state = "closed" });

    public static ForgeRequest ListLabels(ForgeRepository repository, int page) =>
        new(HttpMethod.Get, $"{repository.ApiPath}/labels?limit={PageSize}&page={page}");

    public static ForgeRequest CreateLabel(ForgeRepository repository, string name) =>
        new(HttpMethod.Post, $"{repository.ApiPath}/labels", new { name, color = "#d73a4a", description = "Opened by the Slipway pipeline" });

    public static ForgeRequest SetStatus(ForgeRepository repository, CommitStatus status) => new(HttpMethod.Post,
        $"{repository.ApiPath}/statuses/{Uri.EscapeDataString(status.Sha)}",
        new { state = StateName(status.State), target_url = status.TargetUrl, description = status.ShortDescription, context = status.Context });

    /// <summary>GET .../actions/runners/registration-token: Forgejo 1.21 and later (from Gitea's API, PR #27144); deprecated in Forgejo 15,
    /// which registers runners with POST .../actions/runners instead. The instance-wide one is under /admin.</summary>
    public static ForgeRequest RunnerRegistrationToken(ForgeRepository repository, RunnerScope scope) => new(HttpMethod.Get, scope switch
    {
        RunnerScope.Repository => $"{repository.ApiPath}/actions/runners/registration-token",
        RunnerScope.Organization => $"orgs/{Uri.EscapeDataString(repository.Owner)}/actions/runners/registration-token",
        _ => "admin/runners/registration-token",
    });

    public static string StateName(CommitState state) => state switch
    {
        CommitState.Pending => "pending",
        CommitState.Success => "success",
        CommitState.Failure => "failure",
        _ => "error",
    };
}
