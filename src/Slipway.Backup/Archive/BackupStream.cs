using System.Formats.Tar;
using System.Text;

namespace Slipway.Backup.Archive;

/// <summary>Composes the one tar a backup streams to restic: each volume's files under volumes/&lt;name&gt;/, then the host's
/// files, then MANIFEST.json with every file's size and SHA-256, computed while the bytes go by.</summary>
internal sealed class BackupStream(Stream output, TransferLog? log = null)
{
    readonly TarWriter _tar = new(output, TarEntryFormat.Pax, leaveOpen: true);
    readonly List<ManifestFile> _files = [];
    readonly List<ManifestVolume> _volumes = [];

    public IReadOnlyList<ManifestFile> Files => _files;

    /// <summary>Copies the entries of an engine archive of the volume (entries "volume/...") into the stream.</summary>
    public async Task AddVolumeAsync(string volume, IReadOnlyDictionary<string, string> labels, Stream engineArchive, CancellationToken ct)
    {
        var (filesBefore, bytesBefore) = (_files.Count, _files.Sum(f => f.Size));
        await using var reader = new TarReader(engineArchive, leaveOpen: true);
        while (await reader.GetNextEntryAsync(copyData: false, ct) is { } entry)
            await AddEntryAsync(volume, entry, ct);
        var sortedLabels = new SortedDictionary<string, string>(labels.ToDictionary(), StringComparer.Ordinal);
        _volumes.Add(new ManifestVolume(volume, sortedLabels, _files.Count - filesBefore, _files.Sum(f => f.Size) - bytesBefore));
    }

    public async Task AddFileAsync(BackupFile file, CancellationToken ct)
    {
        var info = new FileInfo(file.SourcePath);
        if (!info.Exists) throw new BackupException($"{file.SourcePath} is missing, so it cannot be backed up; restore it or drop it from the backup's paths");
        await using var data = info.OpenRead();
        var entry = new PaxTarEntry(TarEntryType.RegularFile, file.ArchivePath)
        {
            Mode = OperatingSystem.IsWindows() ? UnixFileMode.UserRead | UnixFileMode.UserWrite : File.GetUnixFileMode(info.FullName), ModificationTime = info.LastWriteTimeUtc,
        };
        await AddDataAsync(entry, data, info.Length, file.Source, ct);
    }

    /// <summary>Writes MANIFEST.json as the last entry and closes the tar; nothing may be added afterwards.</summary>
    public async Task<BackupManifest> FinishAsync(string environment, string release, string commit, CancellationToken ct)
    {
        var manifest = new BackupManifest(environment, release, commit, _volumes.ToList(), _files.ToList());
        var json = new MemoryStream(Encoding.UTF8.GetBytes(manifest.ToJson()));
        // A fixed time keeps an unchanged backup byte-identical to the one before.
        var entry = new PaxTarEntry(TarEntryType.RegularFile, BackupManifest.FileName)
        {
            Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            ModificationTime = DateTimeOffset.UnixEpoch, DataStream = json,
        };
        await _tar.WriteEntryAsync(entry, ct);
        await _tar.DisposeAsync();
        return manifest;
    }

    async Task AddEntryAsync(string volume, TarEntry source, CancellationToken ct)
    {
        var entry = TarEntryCopy.Renamed(source, ArchivePaths.FromEngine(volume, source.Name), target => ArchivePaths.FromEngine(volume, target));
        if (entry.EntryType == TarEntryType.RegularFile) await AddDataAsync(entry, source.DataStream ?? Stream.Null, source.Length, null, ct);
        else await _tar.WriteEntryAsync(entry, ct);
    }

    async Task AddDataAsync(PaxTarEntry entry, Stream data, long length, string? source, CancellationToken ct)
    {
        await using var hashing = new HashingReadStream(data, length, read => log?.AddBytes(read));
        entry.DataStream = hashing;
        await _tar.WriteEntryAsync(entry, ct);
        _files.Add(new ManifestFile(entry.Name, length, hashing.Sha256) { Source = source });
        log?.FileDone();
    }
}
