using Slipway.Backup.Archive;

namespace Slipway.Backup;

/// <summary>A file from the host that goes into a backup: where it is read, its path in the tar, and where a restore puts it back.</summary>
public sealed record BackupFile(string SourcePath, string ArchivePath, string Source);

/// <summary>Builds the file list of a backup: configuration under config/, the secrets file under secrets/, extra paths under extra/.</summary>
public static class BackupFiles
{
    public static BackupFile Config(string root, string path) => Under("config", root, path);

    public static BackupFile Secrets(string root, string path) =>
        new(Path.GetFullPath(path, root), $"secrets/{Path.GetFileName(path)}", Relative(root, path));

    /// <summary>A file, or every file below a folder; with <paramref name="maxAge"/> only those written since (logs of the last N days).</summary>
    public static IReadOnlyList<BackupFile> Extra(string root, string path, TimeSpan? maxAge = null, DateTimeOffset? now = null)
    {
        var full = Path.GetFullPath(path, root);
        if (File.Exists(full)) return [Under("extra", root, full)];
        if (!Directory.Exists(full))
            throw new BackupException($"backup path {path} does not exist (relative to {root}); fix or remove it in --backup-paths");
        var since = maxAge is { } age ? (now ?? DateTimeOffset.UtcNow) - age : DateTimeOffset.MinValue;
        return Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
            .Where(f => new FileInfo(f).LinkTarget is null && File.GetLastWriteTimeUtc(f) >= since.UtcDateTime)
            .Order(StringComparer.Ordinal)
            .Select(f => Under("extra", root, f))
            .ToList();
    }

    /// <summary>Where a restore writes a file back: its source relative to the root, or the absolute path it came from.</summary>
    public static string RestoreTarget(string root, ManifestFile file) =>
        Path.GetFullPath(file.Source ?? throw new BackupException($"{file.Path} has no source in the manifest, so it has no place to go back to"), root);

    static BackupFile Under(string area, string root, string path)
    {
        var source = Relative(root, path);
        var inArchive = Path.IsPathRooted(source) ? source.TrimStart('/') : source;
        return new BackupFile(Path.GetFullPath(path, root), $"{area}/{inArchive.Replace('\\', '/')}", source);
    }

    static string Relative(string root, string path)
    {
        var relative = Path.GetRelativePath(root, Path.GetFullPath(path, root));
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? Path.GetFullPath(path, root) : relative;
    }
}
