using System.Text.Json;
using System.Text.Json.Serialization;

namespace Slipway.Backup.Archive;

/// <summary>One file of a backup: its path in the tar, size and SHA-256; files from the checkout also say where they came from.</summary>
public sealed record ManifestFile(string Path, long Size, string Sha256)
{
    /// <summary>The original location (relative to the repository root when inside it) that a restore writes back to.</summary>
    public string? Source { get; init; }
}

/// <summary>A backed-up volume, with the labels it is re-created with when a restore finds it gone.</summary>
public sealed record ManifestVolume(string Name, IReadOnlyDictionary<string, string> Labels, long Files, long Bytes);

/// <summary>MANIFEST.json, the last entry of every backup: what is in it (volumes, files with sizes and checksums) and which release.</summary>
/// <remarks>Deliberately without a time or kind (the snapshot has both): an unchanged environment then yields a byte-identical
/// stream, which restic stores as nothing new.</remarks>
public sealed record BackupManifest(string Environment, string Release, string Commit, IReadOnlyList<ManifestVolume> Volumes, IReadOnlyList<ManifestFile> Files)
{
    public const string FileName = "MANIFEST.json";
    public int Format { get; init; } = 1;

    [JsonIgnore] public long TotalBytes => Files.Sum(f => f.Size);

    static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    public static BackupManifest FromJson(string json) =>
        JsonSerializer.Deserialize<BackupManifest>(json, s_json) ?? throw new BackupException($"{FileName} is empty");

    public async Task SaveAsync(string path, CancellationToken ct = default)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path + ".tmp", ToJson(), ct);
        File.Move(path + ".tmp", path, overwrite: true);
    }

    public static async Task<BackupManifest?> LoadAsync(string path, CancellationToken ct = default) =>
        File.Exists(path) ? FromJson(await File.ReadAllTextAsync(path, ct)) : null;
}
