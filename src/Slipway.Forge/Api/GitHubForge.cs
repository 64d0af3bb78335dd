using Octokit;

namespace Slipway.Forge.Api;

/// <summary>GitHub (or GitHub Enterprise) through Octokit, behind the same interface as Forgejo.</summary>
public sealed class GitHubForge : IForge
{
    const string BugColor = "d73a4a";

    readonly GitHubClient _client;
    readonly ForgeRepository _repository;
    readonly string _server;

    /// <summary>serverUrl: null or https://github.com for github.com; an Enterprise server otherwise (Octokit adds /api/v3).</summary>
    public GitHubForge(ForgeRepository repository, ForgeToken token, Uri? serverUrl = null)
    {
        var product = new ProductHeaderValue("slipway");
        _client = serverUrl is null || serverUrl.Host == "github.com" ? new GitHubClient(product) : new GitHubClient(product, serverUrl);
        _client.Credentials = new Credentials(token.Reveal());
        _repository = repository;
        _server = serverUrl?.ToString().TrimEnd('/') ?? "https://github.com";
    }

    public string Name => "GitHub";

    public Task<IReadOnlyList<ForgeIssue>> FindOpenIssuesAsync(string label, string bodyContains, CancellationToken ct = default) =>
        CallAsync("GET", "issues", async () =>
        {
            var request = new RepositoryIssueRequest { State = ItemStateFilter.Open, Labels = { label } };
            var issues = await _client.Issue.GetAllForRepository(_repository.Owner, _repository.Name, request, new ApiOptions { PageSize = 100 });
            return (IReadOnlyList<ForgeIssue>)[.. issues
                .Where(issue => issue.PullRequest is null && (issue.Body ?? "").Contains(bodyContains, StringComparison.Ordinal))
                .OrderBy(issue => issue.Number).Select(Read)];
        });

    public async Task<ForgeIssue> CreateIssueAsync(string title, string body, IReadOnlyList<string> labels, CancellationToken ct = default)
    {
        foreach (var label in labels)
            await EnsureLabelIdAsync(label, ct);
        var issue = new NewIssue(title) { Body = body };
        foreach (var label in labels)
            issue.Labels.Add(label);
        return await CallAsync("POST", "issues", async () => Read(await _client.Issue.Create(_repository.Owner, _repository.Name, issue)));
    }

    public Task CommentAsync(int number, string body, CancellationToken ct = default) =>
        CallAsync("POST", $"issues/{number}/comments", () => _client.Issue.Comment.Create(_repository.Owner, _repository.Name, number, body));

    public async Task CloseIssueAsync(int number, string comment, CancellationToken ct = default)
    {
        await CommentAsync(number, comment, ct);
        await CallAsync("PATCH", $"issues/{number}",
            () => _client.Issue.Update(_repository.Owner, _repository.Name, number, new IssueUpdate { State = ItemState.Closed }));
    }

    public Task SetCommitStatusAsync(CommitStatus status, CancellationToken ct = default) =>
        CallAsync("POST", $"statuses/{status.Sha}", () => _client.Repository.Status.Create(_repository.Owner, _repository.Name, status.Sha,
            new NewCommitStatus
            {
                State = status.State switch
                {
                    CommitState.Pending => Octokit.CommitState.Pending,
                    CommitState.Success => Octokit.CommitState.Success,
                    CommitState.Failure => Octokit.CommitState.Failure,
                    _ => Octokit.CommitState.Error,
                },
                Context = status.Context,
                Description = status.ShortDescription,
                TargetUrl = status.TargetUrl,
            }));

    public async Task<long> EnsureLabelIdAsync(string name, CancellationToken ct = default)
    {
        try
        {
            return (await _client.Issue.Labels.Get(_repository.Owner, _repository.Name, name)).Id;
        }
        catch (NotFoundException)
        {
            return await CallAsync("POST", "labels", async () =>
                (await _client.Issue.Labels.Create(_repository.Owner, _repository.Name, new NewLabel(name, BugColor))).Id);
        }
        catch (ApiException exception)
        {
            throw ForgeErrors.ForStatus(Call("GET", $"labels/{name}"), (int)exception.StatusCode, exception.ApiError?.Message ?? exception.Message);
        }
    }

    async Task<T> CallAsync<T>(string method, string path, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ApiException exception)
        {
            throw ForgeErrors.ForStatus(Call(method, path), (int)exception.StatusCode, exception.ApiError?.Message ?? exception.Message);
        }
        catch (HttpRequestException exception)
        {
            throw ForgeErrors.Unreachable(Call(method, path), exception);
        }
    }

    Task CallAsync(string method, string path, Func<Task> call) =>
        CallAsync(method, path, async () => { await call(); return true; });

    ForgeCall Call(string method, string path) =>
        new(Name, method, $"repos/{_repository}/{path}", _server, _repository, "GITHUB_TOKEN");

    static ForgeIssue Read(Issue issue) => new(issue.Number, issue.Title ?? "", issue.Body ?? "", issue.HtmlUrl);
}
