namespace Slipway.Backup.Archive;

/// <summary>Where things live inside the backup tar: volumes/&lt;volume&gt;/..., config/..., secrets/..., extra/..., MANIFEST.json last.</summary>
internal static class ArchivePaths
{
    /// <summary>The helper container mounts a volume here, so the engine's archive entries start with "volume/".</summary>
    public const string MountPoint = "/volume";
    const string EngineRoot = "volume/";
    const string Volumes = "volumes/";

    public static string VolumeRoot(string volume) => $"{Volumes}{volume}/";

    /// <summary>"volume/a/b" from the engine becomes "volumes/&lt;volume&gt;/a/b".</summary>
    public static string FromEngine(string volume, string name)
    {
        if (name == EngineRoot.TrimEnd('/')) return VolumeRoot(volume);
        if (!name.StartsWith(EngineRoot, StringComparison.Ordinal))
            throw new BackupException($"the engine's archive of volume {volume} holds '{name}' outside {MountPoint}; this engine is not supported");
        return VolumeRoot(volume) + name[EngineRoot.Length..];
    }

    /// <summary>The reverse of <see cref="FromEngine"/>, for extraction at the helper's root.</summary>
    public static string ToEngine(string volume, string name) => EngineRoot + name[VolumeRoot(volume).Length..];

    /// <summary>The volume an entry belongs to, or null for configuration, secrets and extra files.</summary>
    public static string? VolumeOf(string name)
    {
        if (!name.StartsWith(Volumes, StringComparison.Ordinal)) return null;
        var end = name.IndexOf('/', Volumes.Length);
        return end < 0 ? null : name[Volumes.Length..end];
    }
}
