using Slipway.Engine;

namespace Slipway.Forge.Reporting;

/// <summary>The title, body and comments of failure issues, in Markdown, with the marker at the end of the body.</summary>
internal static class FailureIssueText
{
    public static string Title(string target, RunContext run) => $"CI: {target} failed on {run.Branch}";

    public static string Body(string target, string message, RunContext run) => string.Join("\n",
        $"**{target}** failed in {RunLink(run)} of `{run.Workflow}` on `{run.Branch}`, at commit {CommitLink(run)}.",
        "",
        Quote(message),
        "",
        $"Further failures of {target} on `{run.Branch}` are added here as comments; the next green run of `{run.Workflow}` on `{run.Branch}` closes this issue.",
        "",
        new FailureMarker(target, run.Branch, run.Workflow).ToString());

    public static string FailedAgain(string target, string message, RunContext run) => string.Join("\n",
        $"**{target}** failed again in {RunLink(run)} of `{run.Workflow}`, at commit {CommitLink(run)}.",
        "",
        Quote(message));

    public static string GreenAgain(RunContext run) =>
        $"{RunLink(run)} of `{run.Workflow}` on `{run.Branch}` passed at commit {CommitLink(run)}; closing.";

    static string RunLink(RunContext run) => $"[run #{run.RunNumber}]({run.RunUrl})";

    static string CommitLink(RunContext run) => $"[`{run.ShortSha}`]({run.CommitUrl})";

    // The message may hold backticks; a fence of tildes is not closed by them. Masked again in case it came from elsewhere.
    static string Quote(string message) => $"~~~\n{SecretMasker.Mask(message).Replace("~~~", "~ ~ ~")}\n~~~";
}
