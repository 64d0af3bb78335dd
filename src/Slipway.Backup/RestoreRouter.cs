using System.Formats.Tar;
using Slipway.Backup.Archive;

namespace Slipway.Backup;

/// <summary>Routes the entries of a dumped backup tar: each volume's run of entries into that volume (emptied first), the host
/// files that differ back to their places; every file is checked against the plan's manifest on the way.</summary>
internal sealed class RestoreRouter(RestorePlan plan, VolumeArchive volumes, TransferLog log)
{
    readonly Dictionary<string, ManifestFile> _expected = plan.Manifest.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
    readonly Dictionary<string, FileRestore> _files = plan.Files.Where(f => f.Differs).ToDictionary(f => f.ArchivePath, StringComparer.Ordinal);
    readonly HashSet<string> _restoredVolumes = [];

    /// <summary>True once a volume was emptied: from then on a failure leaves the environment changed.</summary>
    public bool ChangedVolumes { get; private set; }
    public long FilesVerified => log.Files;

    public async Task RunAsync(Stream dump, CancellationToken ct)
    {
        await using var reader = new TarReader(dump, leaveOpen: true);
        var entry = await reader.GetNextEntryAsync(copyData: false, ct);
        while (entry is not null)
        {
            if (ArchivePaths.VolumeOf(entry.Name) is { } volume)
            {
                entry = await RestoreVolumeAsync(volume, entry, reader, ct);
                continue;
            }
            if (_files.TryGetValue(entry.Name, out var file)) await RestoreFileAsync(entry, file, ct);
            entry = await reader.GetNextEntryAsync(copyData: false, ct);
        }
        var missing = plan.Manifest.Volumes.Select(v => v.Name).Where(v => !_restoredVolumes.Contains(v)).ToList();
        if (missing.Count > 0) throw Mismatch($"the snapshot stream holds no entries for volume(s) {string.Join(", ", missing)}");
    }

    /// <summary>Streams the volume's consecutive entries into it; returns the first entry after them.</summary>
    async Task<TarEntry?> RestoreVolumeAsync(string volume, TarEntry first, TarReader reader, CancellationToken ct)
    {
        if (!_restoredVolumes.Add(volume)) throw Mismatch($"volume {volume} appears twice in the snapshot stream");
        TarEntry? next = first;
        ChangedVolumes = true;
        await volumes.ReplaceAsync(volume, async (input, token) =>
        {
            await using var writer = new TarWriter(input, TarEntryFormat.Pax, leaveOpen: true);
            while (next is not null && ArchivePaths.VolumeOf(next.Name) == volume)
            {
                await CopyIntoVolumeAsync(writer, volume, next, token);
                next = await reader.GetNextEntryAsync(copyData: false, token);
            }
        }, ct);
        return next;
    }

    async Task CopyIntoVolumeAsync(TarWriter writer, string volume, TarEntry source, CancellationToken ct)
    {
        var entry = TarEntryCopy.Renamed(source, ArchivePaths.ToEngine(volume, source.Name), target => ArchivePaths.ToEngine(volume, target));
        if (entry.EntryType != TarEntryType.RegularFile)
        {
            await writer.WriteEntryAsync(entry, ct);
            return;
        }
        await using var hashing = new HashingReadStream(source.DataStream ?? Stream.Null, source.Length, log.AddBytes);
        entry.DataStream = hashing;
        await writer.WriteEntryAsync(entry, ct);
        Verify(source.Name, source.Length, hashing.Sha256);
    }

    /// <summary>Written next to the target and moved over it only once its checksum matched.</summary>
    async Task RestoreFileAsync(TarEntry source, FileRestore file, CancellationToken ct)
    {
        var temporary = file.TargetPath + ".slipway-restore";
        Directory.CreateDirectory(Path.GetDirectoryName(file.TargetPath)!);
        await using (var hashing = new HashingReadStream(source.DataStream ?? Stream.Null, source.Length, log.AddBytes))
        {
            await using (var output = File.Create(temporary)) await hashing.CopyToAsync(output, ct);
            Verify(source.Name, source.Length, hashing.Sha256);
        }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, source.Mode);
        File.Move(temporary, file.TargetPath, overwrite: true);
    }

    void Verify(string path, long size, string sha256)
    {
        if (!_expected.TryGetValue(path, out var expected)) throw Mismatch($"{path} is not in the manifest");
        if (expected.Size != size || expected.Sha256 != sha256) throw Mismatch($"{path} does not match its manifest checksum");
        log.FileDone();
    }

    BackupException Mismatch(string problem) =>
        new($"snapshot {plan.Snapshot.ShortId} changed since it was verified: {problem}; run ./build.sh VerifyBackup", BackupFailure.DataMismatch);
}
