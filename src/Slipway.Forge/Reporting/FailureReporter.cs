using Serilog;
using Slipway.Forge.Api;

namespace Slipway.Forge.Reporting;

/// <summary>
/// Keeps one open "bug" issue per failing target and branch: opens it, comments on it when the failure repeats,
/// closes it when the workflow is green again. A side channel: it warns and goes on, never throws.
/// </summary>
public sealed class FailureReporter
{
    public const string Label = "bug";

    readonly IForge? _forge;
    readonly string _unavailable;
    readonly ForgeLog _log;

    /// <summary>forge: null when it cannot be reached, and unavailableReason says why (logged once per report).</summary>
    public FailureReporter(IForge? forge, string unavailableReason = "no forge configured", ILogger? logger = null)
    {
        _forge = forge;
        _unavailable = unavailableReason;
        _log = new ForgeLog(logger);
    }

    /// <summary>The reporter for this CI run, talking to the forge its environment names; never throws.</summary>
    public static FailureReporter FromEnvironment(RunContext run, IReadOnlyDictionary<string, string> environment, HttpClient? http = null, ILogger? logger = null) =>
        new(ForgeConnection.TryCreate(run, environment, http ?? SharedHttp.Client, out var reason), reason, logger);

    /// <returns>True when the forge has the failure (a new issue or a comment on the open one).</returns>
    public Task<bool> TryReportFailureAsync(RunContext run, string failedTarget, string message, CancellationToken ct = default) =>
        TryAsync($"the failure of {failedTarget}", async forge =>
        {
            var marker = new FailureMarker(failedTarget, run.Branch, run.Workflow);
            var open = await forge.FindOpenIssuesAsync(Label, marker.TargetAndBranch, ct);
            if (open.Count > 0)
            {
                await forge.CommentAsync(open[0].Number, FailureIssueText.FailedAgain(failedTarget, message, run), ct);
                _log.Commented(open[0].Number, failedTarget, run.Branch);
                return;
            }
            var issue = await forge.CreateIssueAsync(FailureIssueText.Title(failedTarget, run), FailureIssueText.Body(failedTarget, message, run), [Label], ct);
            _log.Opened(issue.Number, failedTarget, run.Branch, issue.Url);
        });

    /// <summary>Closes, with a comment, every open failure issue of this workflow and branch.</summary>
    /// <returns>True when the forge was asked (whether or not anything was open).</returns>
    public Task<bool> TryReportSuccessAsync(RunContext run, string workflow, string branch, CancellationToken ct = default) =>
        TryAsync($"the green run of {workflow} on {branch}", async forge =>
        {
            var open = await forge.FindOpenIssuesAsync(Label, FailureMarker.Prefix, ct);
            foreach (var issue in open.Where(issue => FailureMarker.Find(issue.Body) is { } marker && marker.Workflow == workflow && marker.Branch == branch))
            {
                await forge.CloseIssueAsync(issue.Number, FailureIssueText.GreenAgain(run), ct);
                _log.Closed(issue.Number, workflow, branch);
            }
        });

    async Task<bool> TryAsync(string what, Func<IForge, Task> report)
    {
        if (_forge is null)
        {
            _log.Unavailable(what, _unavailable);
            return false;
        }
        try
        {
            await report(_forge);
            return true;
        }
        catch (Exception exception)
        {
            // Whatever went wrong here must not replace the failure being reported.
            _log.Failed(what, _forge.Name, exception is ForgeException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}");
            return false;
        }
    }
}

/// <summary>One HttpClient for the process, as HttpClient is meant to be used.</summary>
internal static class SharedHttp
{
    public static HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };
}
