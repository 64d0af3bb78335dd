using Serilog;

namespace Slipway.Forge.Reporting;

/// <summary>The messages the forge side channel logs, declared once.</summary>
internal sealed class ForgeLog(ILogger? logger)
{
    readonly ILogger _log = logger ?? Log.ForContext("SourceContext", "Slipway.Forge");

    public void Unavailable(string what, string reason) =>
        _log.Warning("Not reporting {What:l} to the forge: {Reason:l}", what, reason);

    public void Failed(string what, string forge, string reason) =>
        _log.Warning("Could not report {What:l} to {Forge}: {Reason:l}", what, forge, reason);

    public void Opened(int number, string target, string branch, string? url) =>
        _log.Information("Opened issue #{Number} for the failure of {Target} on {Branch}: {Url}", number, target, branch, url);

    public void Commented(int number, string target, string branch) =>
        _log.Information("Commented on issue #{Number}: {Target} failed again on {Branch}", number, target, branch);

    public void Closed(int number, string workflow, string branch) =>
        _log.Information("Closed issue #{Number}: {Workflow} is green again on {Branch}", number, workflow, branch);

    public void StatusSet(string context, string sha, string state) =>
        _log.Information("Set commit status {Context} of {Sha} to {State}", context, sha, state);

    public void CommentedOnPullRequest(int number, string what) =>
        _log.Information("Commented {What:l} on pull request #{Number}", what, number);
}
