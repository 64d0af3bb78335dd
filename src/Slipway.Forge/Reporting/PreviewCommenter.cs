using Serilog;
using Slipway.Forge.Api;

namespace Slipway.Forge.Reporting;

/// <summary>Comments a preview's URL on its pull request (and its removal); a side channel: it warns and goes on when it cannot.</summary>
public sealed class PreviewCommenter
{
    readonly IForge? _forge;
    readonly string _unavailable;
    readonly ForgeLog _log;

    public PreviewCommenter(IForge? forge, string unavailableReason = "no forge configured", ILogger? logger = null)
    {
        _forge = forge;
        _unavailable = unavailableReason;
        _log = new ForgeLog(logger);
    }

    public static PreviewCommenter FromEnvironment(RunContext run, IReadOnlyDictionary<string, string> environment, HttpClient? http = null, ILogger? logger = null) =>
        new(ForgeConnection.TryCreate(run, environment, http ?? SharedHttp.Client, out var reason), reason, logger);

    public Task<bool> TryPostDeployedAsync(int pullRequest, Uri url, string commit, CancellationToken ct = default) =>
        TryCommentAsync(pullRequest, "the preview URL", PreviewCommentText.Deployed(url, commit), ct);

    public Task<bool> TryPostRemovedAsync(int pullRequest, string projectName, CancellationToken ct = default) =>
        TryCommentAsync(pullRequest, "the preview's removal", PreviewCommentText.Removed(projectName), ct);

    async Task<bool> TryCommentAsync(int pullRequest, string what, string body, CancellationToken ct)
    {
        if (_forge is null)
        {
            _log.Unavailable(what, _unavailable);
            return false;
        }
        try
        {
            await _forge.CommentAsync(pullRequest, body, ct);
            _log.CommentedOnPullRequest(pullRequest, what);
            return true;
        }
        catch (Exception exception)
        {
            _log.Failed(what, _forge.Name, exception.Message);
            return false;
        }
    }
}

/// <summary>The preview comments' text, with a marker naming the pull request so people and tools can find them.</summary>
public static class PreviewCommentText
{
    public const string Marker = "<!-- slipway:preview -->";

    public static string Deployed(Uri url, string commit) =>
        $"{Marker}\n**Preview deployed:** {url}\n\nCommit `{Short(commit)}`. It is redeployed on every push to this pull request and removed when it is closed.";

    public static string Removed(string projectName) =>
        $"{Marker}\nThe preview (`{projectName}`) was removed: its containers, network and volumes are gone.";

    static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;
}
