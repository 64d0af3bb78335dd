using System.Text.RegularExpressions;

namespace Slipway.Forge.Reporting;

/// <summary>The hidden line that ties a failure issue to its target, branch and workflow: &lt;!-- slipway:failure target=T branch=B workflow=W --&gt;.</summary>
public sealed partial record FailureMarker(string Target, string Branch, string Workflow)
{
    internal const string Prefix = "<!-- slipway:failure ";

    public override string ToString() => $"{Prefix}target={Target} branch={Branch} workflow={Workflow} -->";

    /// <summary>What an issue for the same target and branch contains, whichever workflow opened it.</summary>
    public string TargetAndBranch => $"{Prefix}target={Target} branch={Branch} ";

    public static FailureMarker? Find(string body) =>
        Pattern().Match(body) is { Success: true } match
            ? new FailureMarker(match.Groups["target"].Value, match.Groups["branch"].Value, match.Groups["workflow"].Value)
            : null;

    [GeneratedRegex(@"<!-- slipway:failure target=(?<target>\S+) branch=(?<branch>\S+) workflow=(?<workflow>\S+) -->")]
    private static partial Regex Pattern();
}
