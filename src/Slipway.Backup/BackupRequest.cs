using Slipway.Backup.Archive;
using Slipway.Backup.Restic;

namespace Slipway.Backup;

/// <summary>What to back up: the environment's named volumes and host files, tagged with kind, release and commit.</summary>
public sealed record BackupRequest(string Environment, BackupKind Kind, string Release, string Commit)
{
    public IReadOnlyList<string> Volumes { get; init; } = [];
    public IReadOnlyList<BackupFile> Files { get; init; } = [];
    /// <summary>Leave out (and say so) volumes the engine does not have yet, as before the first deploy; otherwise that is an error.</summary>
    public bool SkipMissingVolumes { get; init; }
    /// <summary>The snapshot's time; default now. For imports and for tests that need a history.</summary>
    public DateTimeOffset? Time { get; init; }
    /// <summary>Applied to the environment after the backup; null skips retention.</summary>
    public RetentionPolicy? Retention { get; init; } = new();
    public bool Prune { get; init; } = true;
    /// <summary>The last backup's manifest, so the summary can say which files are new or changed.</summary>
    public BackupManifest? PreviousManifest { get; init; }
    public IProgress<TransferProgress>? Progress { get; init; }
}

/// <summary>The saved snapshot, its manifest, restic's numbers, what changed since the previous manifest, and what retention forgot.</summary>
public sealed record BackupResult(ResticSnapshot Snapshot, BackupManifest Manifest, ResticSummary Summary, ManifestDiff? Changes,
    TimeSpan Paused, TimeSpan Duration, IReadOnlyList<ResticSnapshot> Forgotten);
