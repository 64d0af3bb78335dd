using System.Diagnostics;
using Docker.DotNet;
using Serilog;
using Slipway.Backup.Archive;
using Slipway.Backup.Restic;

namespace Slipway.Backup;

/// <summary>Backs up an environment as one restic snapshot: find the volumes and their services, start restic (which opens the
/// repository first, so a wrong password or missing repository stops here), stream volumes (their services paused only while
/// they are read), host files and the manifest into its stdin, then apply retention.</summary>
public sealed class BackupRunner(IDockerClient docker, ResticRepository repository, string helperImage)
{
    public async Task<BackupResult> RunAsync(BackupRequest request, CancellationToken ct = default)
    {
        var environment = SnapshotTags.ValidEnvironment(request.Environment);
        var clock = Stopwatch.StartNew();
        Log.Information("Backing up {Environment} ({Kind}, release {Release}) to {Repository}", environment, request.Kind.Name(), request.Release,
            repository.Settings.DisplayName);
        var mounts = await MountsAsync(request.Volumes, request.SkipMissingVolumes, ct);

        var run = Guid.NewGuid().ToString("N")[..12];
        var backup = new ResticBackup($"{environment}.tar", SnapshotTags.For(environment, request.Kind, request.Release, request.Commit, run)) { Time = request.Time };
        var log = new TransferLog($"Backup of {environment}", request.Progress);
        var stream = new StreamedBackup(docker, helperImage, request, mounts, log);
        var summary = await repository.BackupAsync(backup, stream.WriteAsync, new Progress<ResticStatus>(s => log.ResticBytes(s.BytesDone)), ct);

        var snapshot = new ResticSnapshot(summary.SnapshotId, request.Time ?? DateTimeOffset.UtcNow, System.Net.Dns.GetHostName(), backup.Tags, [$"/{backup.FileName}"]);
        var changes = request.PreviousManifest is { } previous ? ManifestDiff.Compare(previous.Files, stream.Manifest!.Files) : null;
        var result = new BackupResult(snapshot, stream.Manifest!, summary, changes, stream.Paused, clock.Elapsed, []);
        LogSummary(result);
        return result with { Forgotten = await ApplyRetentionAsync(request, snapshot, ct), Duration = clock.Elapsed };
    }

    /// <summary>Each volume's labels and running containers, read before restic starts, so a missing volume changes nothing.</summary>
    async Task<IReadOnlyList<VolumeSource>> MountsAsync(IReadOnlyList<string> volumes, bool skipMissing, CancellationToken ct)
    {
        var pauser = new ServicePauser(docker);
        var sources = new List<VolumeSource>();
        foreach (var volume in volumes.Distinct())
        {
            if (!await new Slipway.Docker.VolumeOperations(docker).ExistsAsync(volume, ct))
            {
                if (!skipMissing)
                    throw new BackupException($"volume {volume} does not exist on the engine, so it cannot be backed up; deploy the environment first, or check --env");
                Log.Warning("Volume {Volume} does not exist yet; the snapshot goes without it", volume);
                continue;
            }
            var labels = (await docker.Volumes.InspectAsync(volume, ct)).Labels?.ToDictionary() ?? [];
            sources.Add(new VolumeSource(volume, labels, await pauser.RunningMountersAsync(volume, ct)));
        }
        return sources;
    }

    async Task<IReadOnlyList<ResticSnapshot>> ApplyRetentionAsync(BackupRequest request, ResticSnapshot saved, CancellationToken ct)
    {
        if (request.Retention is not { } retention) return [];
        try
        {
            return await retention.ApplyAsync(repository, request.Environment, request.Prune, ct);
        }
        catch (BackupException e)
        {
            throw new BackupException($"snapshot {saved.ShortId} of {request.Environment} was saved, but retention failed: {e.Message}", e.Reason, e);
        }
    }

    static void LogSummary(BackupResult result)
    {
        var m = result.Manifest;
        Log.Information("Backup {Snapshot} of {Environment}: {Files} files ({Size}) in {Volumes} volumes and config; files {Changes}; " +
            "{Added} added to the repository; took {Duration}, services paused {Paused}",
            result.Snapshot.ShortId, m.Environment, m.Files.Count, ByteSize.Format(m.TotalBytes), m.Volumes.Count,
            result.Changes?.Describe() ?? "new or changed: unknown (no previous manifest)", ByteSize.Format(result.Summary.DataAdded),
            ByteSize.Format(result.Summary.Duration), ByteSize.Format(result.Paused));
    }
}

/// <summary>A volume to back up: its labels (re-created on restore) and the running containers that mount it.</summary>
internal sealed record VolumeSource(string Name, IReadOnlyDictionary<string, string> Labels, IReadOnlyList<string> Containers);

/// <summary>Writes one backup's tar into restic's stdin: volumes in pause-plan order, host files, manifest last.</summary>
internal sealed class StreamedBackup(IDockerClient docker, string helperImage, BackupRequest request, IReadOnlyList<VolumeSource> volumes, TransferLog log)
{
    public BackupManifest? Manifest { get; private set; }
    public TimeSpan Paused { get; private set; }

    public async Task WriteAsync(Stream stdin, CancellationToken ct)
    {
        // Not disposed on failure: flushing into a restic that is about to be killed would only hide the first error.
        var buffered = new BufferedStream(stdin, 1 << 20);
        var tar = new BackupStream(buffered, log);
        await WriteVolumesAsync(tar, ct);
        foreach (var file in request.Files) await tar.AddFileAsync(file, ct);
        Manifest = await tar.FinishAsync(request.Environment, request.Release, request.Commit, ct);
        await buffered.FlushAsync(ct);
    }

    async Task WriteVolumesAsync(BackupStream tar, CancellationToken ct)
    {
        var archive = new VolumeArchive(docker, helperImage);
        var labels = volumes.ToDictionary(v => v.Name, v => v.Labels);
        await using var pauser = new ServicePauser(docker);
        try
        {
            foreach (var step in PausePlan.For(volumes.Select(v => (v.Name, v.Containers)).ToList()))
            {
                await using var reader = await archive.OpenReaderAsync(step.Volume, ct);
                await pauser.PauseAsync(step.PauseBefore, ct);
                await reader.ReadAsync((stream, token) => tar.AddVolumeAsync(step.Volume, labels[step.Volume], stream, token), ct);
                await pauser.UnpauseAsync(step.UnpauseAfter);
            }
        }
        finally
        {
            Paused = pauser.PausedFor;
        }
    }
}
