using System.Formats.Tar;
using System.Text;

namespace Slipway.Backup.Archive;

/// <summary>What a backup tar actually holds (each file's size and SHA-256) next to what its MANIFEST.json says it should.</summary>
public sealed record BackupContent(BackupManifest Manifest, IReadOnlyList<ManifestFile> Files)
{
    /// <summary>Empty when every file matches the manifest, and nothing is missing or extra.</summary>
    public ManifestDiff Check() => ManifestDiff.Compare(Manifest.Files, Files);
}

/// <summary>Reads a backup tar to its end, hashing every file; the manifest comes last, so nothing is trusted before the end.</summary>
internal static class BackupTarReader
{
    public static async Task<BackupContent> ReadAsync(Stream tar, string origin, TransferLog? log, CancellationToken ct)
    {
        var files = new List<ManifestFile>();
        BackupManifest? manifest = null;
        await using var reader = new TarReader(tar, leaveOpen: true);
        while (await reader.GetNextEntryAsync(copyData: false, ct) is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)) continue;
            if (entry.Name == BackupManifest.FileName)
            {
                manifest = await ReadManifestAsync(entry, origin, ct);
                continue;
            }
            await using var hashing = new HashingReadStream(entry.DataStream ?? Stream.Null, entry.Length, read => log?.AddBytes(read));
            await hashing.DrainAsync(ct);
            files.Add(new ManifestFile(entry.Name, entry.Length, hashing.Sha256));
            log?.FileDone();
        }
        return new BackupContent(manifest ?? throw new BackupException(
            $"{origin} holds no {BackupManifest.FileName}: it was not written by this pipeline or it is truncated", BackupFailure.DataMismatch), files);
    }

    internal static async Task<BackupManifest> ReadManifestAsync(TarEntry entry, string origin, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        if (entry.DataStream is { } data) await data.CopyToAsync(buffer, ct);
        try { return BackupManifest.FromJson(Encoding.UTF8.GetString(buffer.ToArray())); }
        catch (System.Text.Json.JsonException e)
        {
            throw new BackupException($"{origin}: {BackupManifest.FileName} is not valid ({e.Message})", BackupFailure.DataMismatch);
        }
    }
}
