namespace Slipway.Backup;

/// <summary>What went wrong, for callers that react differently (offer --init, suggest --force-unlock).</summary>
public enum BackupFailure { Other, RepositoryMissing, WrongPassword, RepositoryLocked, DiskFull, SnapshotNotFound, StreamFailed, DataMismatch }

/// <summary>A backup, restore, verification or retention step failed; the message is one line naming the problem, the place and the fix.</summary>
public sealed class BackupException : Exception
{
    public BackupException(string message, BackupFailure reason = BackupFailure.Other, Exception? inner = null) : base(message, inner) =>
        Reason = reason;

    public BackupFailure Reason { get; }
}
