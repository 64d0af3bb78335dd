using System.Globalization;
using Serilog;

namespace Slipway.Backup.Restic;

/// <summary>One stdin backup: the name the stream gets in the snapshot, its tags and, for imports and tests, its time.</summary>
public sealed record ResticBackup(string FileName, IReadOnlyList<string> Tags)
{
    public DateTimeOffset? Time { get; init; }
}

public sealed partial class ResticRepository
{
    /// <summary>Saves what <paramref name="producer"/> writes as one snapshot; if the producer fails or the call is cancelled,
    /// restic is killed before it sees the end of the stream and no snapshot of this run is left behind.</summary>
    public async Task<ResticSummary> BackupAsync(ResticBackup backup, Func<Stream, CancellationToken, Task> producer,
        IProgress<ResticStatus>? progress = null, CancellationToken ct = default)
    {
        var runTag = backup.Tags.FirstOrDefault(t => t.StartsWith(SnapshotTags.RunKey + "=", StringComparison.Ordinal))
            ?? throw new ArgumentException("a backup needs a run= tag to find its snapshot after a failure", nameof(backup));
        ResticSummary? summary = null;
        try
        {
            await _restic.RunLinesAsync(BackupArguments(backup), line => OnBackupLine(line, progress, s => summary = s), producer, ct);
            return summary ?? throw new BackupException($"restic backup to {Settings.DisplayName} ended without a summary; check the repository with ./build.sh VerifyBackup");
        }
        catch (Exception e) when (e is not BackupException { Reason: BackupFailure.WrongPassword or BackupFailure.RepositoryMissing })
        {
            await CleanUpFailedBackupAsync(runTag);
            throw;
        }
    }

    public static IReadOnlyList<string> BackupArguments(ResticBackup backup) =>
    [
        "backup", "--stdin", "--stdin-filename", backup.FileName, "--json",
        .. backup.Tags.SelectMany(t => new[] { "--tag", t }),
        // restic reads --time in local time.
        .. backup.Time is { } time ? new[] { "--time", time.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) } : [],
    ];

    static void OnBackupLine(string line, IProgress<ResticStatus>? progress, Action<ResticSummary> onSummary)
    {
        switch (ResticProgress.Parse(line))
        {
            case ResticStatus status: progress?.Report(status); break;
            case ResticSummary summary: onSummary(summary); break;
            case ResticError error: Log.Warning("restic: {Error} ({Item})", error.Message, error.Item); break;
        }
    }

    /// <summary>A killed restic leaves its lock (stale: its process is gone), and a run cancelled after the end of the stream may
    /// have saved its snapshot; both are removed so a failed run leaves nothing that looks complete.</summary>
    async Task CleanUpFailedBackupAsync(string runTag)
    {
        try
        {
            await UnlockAsync(removeAll: false, CancellationToken.None);
            var leftovers = await SnapshotsAsync([runTag], CancellationToken.None);
            if (leftovers.Count == 0) return;
            Log.Warning("Forgetting snapshot {Snapshot} of the failed backup run {Run}", leftovers[0].ShortId, runTag);
            await ForgetAsync(leftovers.Select(s => s.Id).ToList(), prune: true, CancellationToken.None);
        }
        catch (BackupException e)
        {
            Log.Warning("Could not check {Repository} for leftovers of the failed backup run {Run}: {Problem}", Settings.DisplayName, runTag, e.Message);
        }
    }
}
