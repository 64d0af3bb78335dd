using Slipway.Backup.Archive;

namespace Slipway.Backup;

/// <summary>Tells whether an environment's volumes changed since a snapshot (say, a migration of the failed release): reads them
/// the way a backup does and compares each file's checksum with the snapshot's manifest. It pauses nothing: the caller stops the service first.</summary>
public sealed class DataChangeDetector(VolumeArchive volumes)
{
    public async Task<ManifestDiff> CompareAsync(BackupManifest snapshot, CancellationToken ct = default)
    {
        var current = new BackupStream(Stream.Null);
        foreach (var volume in snapshot.Volumes)
            if (await volumes.ExistsAsync(volume.Name, ct))
                await volumes.ReadAsync(volume.Name, (tar, token) => current.AddVolumeAsync(volume.Name, volume.Labels, tar, token), ct);
        return ManifestDiff.Compare(snapshot.Files.Where(f => ArchivePaths.VolumeOf(f.Path) is not null), current.Files);
    }
}

/// <summary>What a rollback does with data the failed release changed: offer the restore, restore it, or keep it.</summary>
public enum RollbackDataMode { Offer, Restore, Keep }

/// <summary>The rollback's decision about the pre-deploy snapshot.</summary>
public enum RollbackDataAction { NothingChanged, Restore, AskThenRestore, KeepChangedData }

/// <summary>Decides whether a rollback restores the pre-deploy snapshot, and says so in every case; pure.</summary>
public static class RollbackData
{
    public static RollbackDataAction Decide(ManifestDiff sincePreDeploy, RollbackDataMode mode, bool canAsk) =>
        sincePreDeploy.IsEmpty ? RollbackDataAction.NothingChanged : mode switch
        {
            RollbackDataMode.Restore => RollbackDataAction.Restore,
            RollbackDataMode.Offer when canAsk => RollbackDataAction.AskThenRestore,
            _ => RollbackDataAction.KeepChangedData,
        };

    /// <summary>The line the rollback logs: data is never restored, or left changed, without saying so.</summary>
    public static string Explain(RollbackDataAction action, ManifestDiff diff, string snapshot, string environment) => action switch
    {
        RollbackDataAction.NothingChanged => $"the data of {environment} is unchanged since pre-deploy snapshot {snapshot}; nothing to restore",
        RollbackDataAction.Restore => $"the failed release changed the data of {environment} ({diff.Describe()}); restoring pre-deploy snapshot {snapshot}",
        RollbackDataAction.AskThenRestore => $"the failed release changed the data of {environment} ({diff.Describe()}); restore pre-deploy snapshot {snapshot}?",
        _ => $"the failed release changed the data of {environment} ({diff.Describe()}) and it is KEPT; to restore it: ./build.sh Restore --env {environment} --snapshot {snapshot}",
    };
}
