using Slipway.Backup.Archive;
using Slipway.Backup.Restic;

namespace Slipway.Backup;

/// <summary>What to restore: the environment, a snapshot id (prefix) or "latest", and the checkout the host files go back to.</summary>
public sealed record RestoreRequest(string Environment, string Snapshot, string RootDirectory)
{
    /// <summary>Also put configuration, secrets and extra files back where they came from (only those that differ).</summary>
    public bool IncludeFiles { get; init; } = true;
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>How long a restarted service may take to turn healthy again.</summary>
    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromMinutes(2);
    public IProgress<TransferProgress>? Progress { get; init; }
}

/// <summary>A volume the restore empties and refills.</summary>
public sealed record VolumeRestore(string Name, long Files, long Bytes, bool Exists);

/// <summary>A host file from the snapshot, and whether the one in place differs (only those are written).</summary>
public sealed record FileRestore(string ArchivePath, string TargetPath, long Size, bool Differs);

/// <summary>A running container the restore stops before and starts after.</summary>
public sealed record ServiceContainer(string Id, string Name);

/// <summary>What a restore will replace, read from a snapshot whose every checksum was already verified; shown before asking.</summary>
public sealed record RestorePlan(RestoreRequest Request, ResticSnapshot Snapshot, BackupManifest Manifest, IReadOnlyList<VolumeRestore> Volumes,
    IReadOnlyList<FileRestore> Files, IReadOnlyList<ServiceContainer> Containers)
{
    public bool ReplacesAnything => Volumes.Count > 0 || Files.Any(f => f.Differs);

    /// <summary>The lines a person reads before confirming.</summary>
    public IReadOnlyList<string> Describe()
    {
        var lines = new List<string>
        {
            $"Snapshot {Snapshot.ShortId} of {Manifest.Environment}, taken {Snapshot.Time.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z " +
            $"({Snapshot.Kind}, release {Manifest.Release}, commit {Manifest.Commit[..Math.Min(12, Manifest.Commit.Length)]}), checksums verified",
        };
        lines.AddRange(Volumes.Select(v => $"replace volume {v.Name} with {v.Files} files ({ByteSize.Format(v.Bytes)})" +
            (v.Exists ? "; everything in it now is deleted" : "; it does not exist and is created")));
        lines.AddRange(Files.Where(f => f.Differs).Select(f => $"replace file {f.TargetPath} ({ByteSize.Format(f.Size)}); it differs from the snapshot"));
        if (Files.Count(f => !f.Differs) is > 0 and var same) lines.Add($"keep {same} files that already match the snapshot");
        lines.Add(Containers.Count == 0 ? "no running container uses these volumes"
            : $"stop, then start again: {string.Join(", ", Containers.Select(c => c.Name))}");
        return lines;
    }
}
