using System.Text.RegularExpressions;

namespace Slipway.Backup.Restic;

/// <summary>Turns what a failed restic call printed into one line naming the problem and the fix; pure, so every case is unit-tested.</summary>
internal static partial class ResticErrors
{
    public static BackupException Classify(string verb, int exitCode, string standardError, string repository)
    {
        var text = standardError.Trim();
        if (text.Contains("wrong password or no key found", StringComparison.Ordinal))
            return new($"wrong password for the restic repository {repository}; pass its password with --backup-password (or backup_password in the secrets file)",
                BackupFailure.WrongPassword);
        if (text.Contains("Is there a repository at the following location?", StringComparison.Ordinal)
            || text.Contains("unable to open config file", StringComparison.Ordinal))
            return new($"no restic repository at {repository}; create it there with --init, or point --backup-repository at the existing one",
                BackupFailure.RepositoryMissing);
        if (text.Contains("config file already exists", StringComparison.Ordinal))
            return new($"a restic repository already exists at {repository}; drop --init", BackupFailure.Other);
        if (LockHolder().Match(text) is { Success: true } locked)
            return new($"the restic repository {repository} is locked{(locked.Groups["exclusive"].Success ? " exclusively" : "")} by {locked.Groups["holder"].Value}" +
                $"{CreatedAt(text)}; wait for that run to finish, or if it is gone run with --force-unlock", BackupFailure.RepositoryLocked);
        if (text.Contains("no space left on device", StringComparison.OrdinalIgnoreCase))
            return new($"the restic repository {repository} ran out of disk space during {verb}; free space there or move the repository (--backup-repository)",
                BackupFailure.DiskFull);
        if (text.Contains("no matching ID found", StringComparison.Ordinal))
            return new($"no snapshot {QuotedId(text)}in the restic repository {repository}; list them with ./build.sh Backups --env <env>",
                BackupFailure.SnapshotNotFound);
        return new($"restic {verb} failed with exit code {exitCode} on {repository}: {LastLine(text)}");
    }

    static string CreatedAt(string text) =>
        LockCreated().Match(text) is { Success: true } m ? $" since {m.Groups["when"].Value.Trim()}" : "";

    static string QuotedId(string text) =>
        MissingId().Match(text) is { Success: true } m ? $"'{m.Groups["id"].Value}' " : "";

    static string LastLine(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.StartsWith("Fatal: ", StringComparison.Ordinal) ? l[7..] : l).ToList();
        return lines.Count == 0 ? "(no output)" : lines.FirstOrDefault(l => !l.StartsWith('{')) ?? lines[^1];
    }

    [GeneratedRegex(@"already locked(?<exclusive> exclusively)? by (?<holder>[^\n]+?)\s*(\n|$)")]
    private static partial Regex LockHolder();

    [GeneratedRegex(@"lock was created at (?<when>[^\n]+)")]
    private static partial Regex LockCreated();

    [GeneratedRegex(@"prefix ""(?<id>[^""]+)""")]
    private static partial Regex MissingId();
}
