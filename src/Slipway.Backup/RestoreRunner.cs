using System.Security.Cryptography;
using Docker.DotNet;
using Serilog;
using Slipway.Backup.Archive;
using Slipway.Backup.Restic;
using Slipway.Docker;

namespace Slipway.Backup;

/// <summary>Restores an environment from a snapshot: plan (verify every checksum, list what is replaced), then stop the services
/// that mount the volumes, refill volumes and files from `restic dump`, and start the services again.</summary>
/// <remarks>Asking for confirmation and the smoke test afterwards are the caller's: this type never prompts.</remarks>
public sealed class RestoreRunner(IDockerClient docker, ResticRepository repository, string helperImage)
{
    /// <summary>Reads the whole snapshot once (nothing is changed yet) so a damaged one is refused before any data is deleted.</summary>
    public async Task<RestorePlan> PlanAsync(RestoreRequest request, CancellationToken ct = default)
    {
        var snapshot = await repository.FindSnapshotAsync(request.Environment, request.Snapshot, ct);
        Log.Information("Reading snapshot {Snapshot} of {Environment} to verify its checksums", snapshot.ShortId, request.Environment);
        var content = await SnapshotContent.ReadAsync(repository, snapshot, new TransferLog($"Check of {snapshot.ShortId}", request.Progress), ct);
        var volumes = new List<VolumeRestore>();
        foreach (var v in content.Manifest.Volumes)
            volumes.Add(new VolumeRestore(v.Name, v.Files, v.Bytes, await new VolumeOperations(docker).ExistsAsync(v.Name, ct)));
        var files = request.IncludeFiles ? await FileRestoresAsync(request.RootDirectory, content.Manifest, ct) : [];
        return new RestorePlan(request, snapshot, content.Manifest, volumes, files, await ContainersAsync(volumes, ct));
    }

    /// <summary>Stops the services, refills volumes and files, starts the services; a failure after a volume was emptied leaves
    /// them stopped and says so, because starting them on half-restored data could do more harm.</summary>
    public async Task RestoreAsync(RestorePlan plan, CancellationToken ct = default)
    {
        Log.Information("Restoring snapshot {Snapshot} into {Environment}", plan.Snapshot.ShortId, plan.Manifest.Environment);
        await StopAsync(plan, ct);
        var router = new RestoreRouter(plan, new VolumeArchive(docker, helperImage), new TransferLog($"Restore of {plan.Manifest.Environment}", plan.Request.Progress));
        try
        {
            foreach (var v in plan.Manifest.Volumes) await new VolumeOperations(docker).EnsureAsync(v.Name, v.Labels, ct);
            await repository.DumpAsync(plan.Snapshot, router.RunAsync, ct);
        }
        catch (Exception e) when (!router.ChangedVolumes)
        {
            Log.Warning("Restore of {Snapshot} failed before any volume was changed: {Problem}", plan.Snapshot.ShortId, e.Message);
            await StartAsync(plan.Containers);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var names = plan.Containers.Count > 0 ? string.Join(", ", plan.Containers.Select(c => c.Name)) : "none";
            throw new BackupException($"restore of snapshot {plan.Snapshot.ShortId} failed after volumes were changed ({e.Message}); " +
                $"the services are left stopped ({names}): fix the cause and run the restore again", BackupFailure.DataMismatch, e);
        }
        await StartAsync(plan.Containers);
        // Handed back healthy, so whatever follows (a smoke test, the end of a rollback) finds the service serving.
        foreach (var c in plan.Containers)
            await new UntilContainerIsHealthy(new ContainerOperations(docker)).WaitAsync(c.Id, c.Name, plan.Request.HealthTimeout, ct);
        Log.Information("Restored {Snapshot}: {Volumes} volumes, {Files} files ({Size}) verified against its manifest", plan.Snapshot.ShortId,
            plan.Volumes.Count, router.FilesVerified, ByteSize.Format(plan.Manifest.TotalBytes));
    }

    async Task StopAsync(RestorePlan plan, CancellationToken ct)
    {
        foreach (var c in plan.Containers)
        {
            Log.Information("Stopping {Container} for the restore", c.Name);
            await new ContainerOperations(docker).StopAsync(c.Id, plan.Request.StopGrace, ct);
        }
    }

    async Task StartAsync(IReadOnlyList<ServiceContainer> list)
    {
        foreach (var c in list)
        {
            await new ContainerOperations(docker).StartAsync(c.Id, CancellationToken.None);
            Log.Information("Started {Container}", c.Name);
        }
    }

    async Task<IReadOnlyList<ServiceContainer>> ContainersAsync(IReadOnlyList<VolumeRestore> volumes, CancellationToken ct)
    {
        var found = new Dictionary<string, ServiceContainer>();
        foreach (var volume in volumes.Where(v => v.Exists))
            foreach (var c in await ServicePauser.RunningMountersAsync(docker, volume.Name, ct))
                found.TryAdd(c.ID, new ServiceContainer(c.ID, c.Names.FirstOrDefault()?.TrimStart('/') ?? ContainerOperations.ShortId(c.ID)));
        return found.Values.ToList();
    }

    static async Task<IReadOnlyList<FileRestore>> FileRestoresAsync(string root, BackupManifest manifest, CancellationToken ct)
    {
        var restores = new List<FileRestore>();
        foreach (var file in manifest.Files.Where(f => f.Source is not null))
        {
            var target = BackupFiles.RestoreTarget(root, file);
            restores.Add(new FileRestore(file.Path, target, file.Size, !File.Exists(target) || await Sha256Async(target, ct) != file.Sha256));
        }
        return restores;
    }

    internal static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }
}

/// <summary>Reads a whole snapshot through `restic dump` and checks it against its own manifest.</summary>
internal static class SnapshotContent
{
    public static async Task<BackupContent> ReadAsync(ResticRepository repository, ResticSnapshot snapshot, TransferLog? log, CancellationToken ct)
    {
        BackupContent? content = null;
        await repository.DumpAsync(snapshot, async (stream, token) =>
            content = await BackupTarReader.ReadAsync(stream, $"snapshot {snapshot.ShortId}", log, token), ct);
        var problems = content!.Check();
        if (!problems.IsEmpty)
            throw new BackupException($"snapshot {snapshot.ShortId} does not match its manifest: {problems.Describe()}; use another snapshot and run ./build.sh VerifyBackup",
                BackupFailure.DataMismatch);
        return content;
    }
}
