namespace Slipway.Forge.Api;

/// <summary>The few forge calls the pipeline makes (issues, comments, labels, commit statuses), for Forgejo and GitHub alike.</summary>
public interface IForge
{
    /// <summary>"Forgejo" or "GitHub", for log lines.</summary>
    string Name { get; }

    /// <summary>Open issues (not pull requests) carrying the label whose body contains the given text, oldest first.</summary>
    Task<IReadOnlyList<ForgeIssue>> FindOpenIssuesAsync(string label, string bodyContains, CancellationToken ct = default);

    /// <summary>Opens an issue; labels are given by name and created when missing.</summary>
    Task<ForgeIssue> CreateIssueAsync(string title, string body, IReadOnlyList<string> labels, CancellationToken ct = default);

    /// <summary>Comments on an issue or a pull request.</summary>
    Task CommentAsync(int number, string body, CancellationToken ct = default);

    /// <summary>Comments on the issue, then closes it.</summary>
    Task CloseIssueAsync(int number, string comment, CancellationToken ct = default);

    Task SetCommitStatusAsync(CommitStatus status, CancellationToken ct = default);

    /// <summary>The id of the label with this name, creating the label when the repository has none.</summary>
    Task<long> EnsureLabelIdAsync(string name, CancellationToken ct = default);
}

public sealed record ForgeIssue(int Number, string Title, string Body, string? Url);

public enum CommitState
{
    Pending,
    Success,
    Failure,
    Error,
}

/// <summary>A status on a commit, e.g. context "slipway/deploy-prod", shown next to the commit and on its pull request.</summary>
public sealed record CommitStatus(string Sha, CommitState State, string Context, string Description, string? TargetUrl)
{
    /// <summary>GitHub refuses descriptions over 140 characters; Forgejo shows them cut anyway.</summary>
    public string ShortDescription => Description.Length <= 140 ? Description : Description[..139] + "…";
}
