using System.Text.RegularExpressions;

namespace Slipway.Backup.Restic;

/// <summary>The key=value tags every snapshot carries; restic filters on them (--tag env=prod), so values may not hold commas.</summary>
public static partial class SnapshotTags
{
    public const string EnvironmentKey = "env";
    public const string KindKey = "kind";
    public const string ReleaseKey = "release";
    public const string CommitKey = "commit";
    /// <summary>Unique per backup run, so a run that failed can find (and forget) a snapshot it must not leave behind.</summary>
    public const string RunKey = "run";

    public static string Environment(string environment) => $"{EnvironmentKey}={ValidEnvironment(environment)}";
    public static string Kind(BackupKind kind) => $"{KindKey}={kind.Name()}";

    public static IReadOnlyList<string> For(string environment, BackupKind kind, string release, string commit, string run) =>
        [Environment(environment), Kind(kind), $"{ReleaseKey}={Value(release)}", $"{CommitKey}={Value(commit)}", $"{RunKey}={run}"];

    public static string ValidEnvironment(string environment) => EnvironmentName().IsMatch(environment)
        ? environment
        : throw new BackupException($"'{environment}' is not a valid environment name for backups; use lowercase letters, digits, '-' and '_' (e.g. prod)");

    static string Value(string value) => string.IsNullOrWhiteSpace(value) ? "unknown" : Unsafe().Replace(value.Trim(), "_");

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex EnvironmentName();

    [GeneratedRegex(@"[,\s]")]
    private static partial Regex Unsafe();
}
