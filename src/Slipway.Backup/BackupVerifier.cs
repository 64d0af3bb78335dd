using Serilog;
using Slipway.Backup.Archive;
using Slipway.Backup.Restic;

namespace Slipway.Backup;

/// <summary>Which snapshot to verify (id prefix or "latest", of one environment or any), how much data restic check reads, and where to restore it.</summary>
public sealed record VerifyRequest(string? Environment, string Snapshot, string ScratchDirectory)
{
    /// <summary>Passed to restic check --read-data-subset ("5%", "1/10"); null checks the structure only.</summary>
    public string? ReadDataSubset { get; init; }
    public IProgress<TransferProgress>? Progress { get; init; }
}

/// <summary>Verifies a backup twice over: restic check of the repository, then a restore of the snapshot to a scratch folder
/// whose tar must match every size and SHA-256 in its MANIFEST.json.</summary>
public sealed class BackupVerifier(ResticRepository repository)
{
    public async Task<BackupContent> VerifyAsync(VerifyRequest request, CancellationToken ct = default)
    {
        await new ResticLocks(repository).RemoveStaleAsync(ct: ct);
        Log.Information("Checking the restic repository {Repository}{Subset}", repository.Settings.DisplayName,
            request.ReadDataSubset is { } subset ? $", reading {subset} of the data" : "");
        await repository.CheckAsync(request.ReadDataSubset, ct);
        var snapshot = await repository.FindSnapshotAsync(request.Environment, request.Snapshot, ct);
        var scratch = Path.Combine(request.ScratchDirectory, $"verify-{snapshot.ShortId}-{Guid.NewGuid():N}"[..24]);
        try
        {
            await repository.RestoreAsync(snapshot, scratch, ct);
            var content = await ReadRestoredAsync(snapshot, Path.Combine(scratch, snapshot.FilePath.TrimStart('/')), request.Progress, ct);
            Log.Information("Verified snapshot {Snapshot} of {Environment}: restic check passed and all {Files} files ({Size}) match {Manifest}",
                snapshot.ShortId, content.Manifest.Environment, content.Files.Count, ByteSize.Format(content.Manifest.TotalBytes), BackupManifest.FileName);
            return content;
        }
        finally
        {
            if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        }
    }

    static async Task<BackupContent> ReadRestoredAsync(ResticSnapshot snapshot, string tar, IProgress<TransferProgress>? progress, CancellationToken ct)
    {
        await using var file = File.OpenRead(tar);
        var content = await BackupTarReader.ReadAsync(file, tar, new TransferLog($"Verification of {snapshot.ShortId}", progress), ct);
        var problems = content.Check();
        if (!problems.IsEmpty)
            throw new BackupException($"snapshot {snapshot.ShortId} restored to {tar} does not match its manifest: {problems.Describe()}; " +
                "do not rely on it: take a new backup and check the repository's disk", BackupFailure.DataMismatch);
        return content;
    }
}
