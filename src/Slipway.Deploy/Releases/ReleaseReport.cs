using System.Text;
using Slipway.Deploy.Locking;

namespace Slipway.Deploy.Releases;

/// <summary>One environment's line in the status report.</summary>
public sealed record EnvironmentStatus(string Environment, Release? Running, string Health, Release? Stable, LockInfo? Lock);

/// <summary>Renders release histories and environment status as plain text tables; pure, so it is unit-tested.</summary>
public static class ReleaseReport
{
    public static string Table(ReleaseHistory history)
    {
        if (history.Releases.Count == 0) return $"{history.Environment} has no releases yet";
        var rows = history.Releases.AsEnumerable().Reverse().Select(r => new[]
        {
            r.Id + (r.Id == history.StableId ? " *" : ""), r.ShortDigest, r.ShortCommit, r.Version,
            r.DeployedAt.ToString("yyyy-MM-dd HH:mm"), State(r.State), r.Retained ? "yes" : "no", r.DeployedBy,
        });
        return Render(["Release", "Digest", "Commit", "Version", "Deployed (UTC)", "State", "Retained", "By"], rows)
            + $"\n* stable release of {history.Environment}";
    }

    public static string Status(IEnumerable<EnvironmentStatus> environments) => Render(
        ["Env", "Running", "Version", "Commit", "Digest", "Since (UTC)", "Health", "Stable", "Lock"],
        environments.Select(e => new[]
        {
            e.Environment, e.Running?.Id ?? "-", e.Running?.Version ?? "-", e.Running?.ShortCommit ?? "-", e.Running?.ShortDigest ?? "-",
            e.Running?.DeployedAt.ToString("yyyy-MM-dd HH:mm") ?? "-", e.Health, e.Stable?.Id ?? "-",
            e.Lock is null ? "free" : $"{e.Lock.Holder}: {e.Lock.Reason}",
        }));

    static string State(ReleaseState state) => state switch
    {
        ReleaseState.SmokePassed => "smoke passed",
        ReleaseState.SmokeFailed => "smoke failed",
        ReleaseState.RolledBack => "rolled back",
        _ => state.ToString().ToLowerInvariant(),
    };

    static string Render(string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = header.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in all)
            text.AppendLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        return text.ToString().TrimEnd();
    }
}
