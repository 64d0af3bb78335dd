using Serilog;
using Slipway.Backup.Restic;

namespace Slipway.Backup;

/// <summary>Lists an environment's snapshots, newest first, one log line each.</summary>
public static class BackupListing
{
    public static async Task<IReadOnlyList<ResticSnapshot>> ListAsync(ResticRepository repository, string environment, CancellationToken ct = default)
    {
        var snapshots = (await repository.SnapshotsAsync([SnapshotTags.Environment(environment)], ct)).Reverse().ToList();
        if (snapshots.Count == 0)
        {
            Log.Information("No snapshots of {Environment} in {Repository}; take one with ./build.sh Backup --env <environment>", environment,
                repository.Settings.DisplayName);
            return snapshots;
        }
        Log.Information("{Count} snapshots of {Environment} in {Repository}, newest first:", snapshots.Count, environment, repository.Settings.DisplayName);
        foreach (var snapshot in snapshots) Log.Information("  {Snapshot}", snapshot.ToString());
        return snapshots;
    }
}
