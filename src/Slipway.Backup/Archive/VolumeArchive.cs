using System.IO.Pipelines;
using Docker.DotNet;
using Docker.DotNet.Models;
using Serilog;
using Slipway.Docker;

namespace Slipway.Backup.Archive;

/// <summary>Reads and writes a named volume as a tar stream through the Engine API, never the engine's disk (it may be remote):
/// a short-lived helper container mounts the volume, and is always removed afterwards.</summary>
public sealed class VolumeArchive(IDockerClient docker, string helperImage)
{
    public const string RoleLabel = "org.slipway.role";
    public const string HelperRole = "backup-helper";
    public const string VolumeLabel = "org.slipway.volume";

    /// <summary>The helper's create request: the volume at /volume, no network; pure, so it is unit-tested.</summary>
    public static CreateContainerParameters HelperRequest(string image, string volume, bool readOnly, IReadOnlyList<string> command) => new()
    {
        Image = image,
        Cmd = command.ToList(),
        Labels = new Dictionary<string, string> { [RoleLabel] = HelperRole, [VolumeLabel] = volume },
        NetworkDisabled = true,
        HostConfig = new HostConfig
        {
            NetworkMode = "none",
            Mounts = [new Mount { Type = "volume", Source = volume, Target = ArchivePaths.MountPoint, ReadOnly = readOnly }],
        },
    };

    public Task<bool> ExistsAsync(string volume, CancellationToken ct = default) => new VolumeOperations(docker).ExistsAsync(volume, ct);

    /// <summary>Hands the volume's content (entries "volume/...") to <paramref name="consume"/>; the helper is created, never started.</summary>
    public async Task ReadAsync(string volume, Func<Stream, CancellationToken, Task> consume, CancellationToken ct = default)
    {
        await using var reader = await OpenReaderAsync(volume, ct);
        await reader.ReadAsync(consume, ct);
    }

    /// <summary>Creates the helper now, so that a caller who pauses services around <see cref="VolumeReader.ReadAsync"/> pauses
    /// them only for the read, not for creating and removing the helper.</summary>
    public async Task<VolumeReader> OpenReaderAsync(string volume, CancellationToken ct = default)
    {
        if (!await ExistsAsync(volume, ct))
            throw new BackupException($"volume {volume} does not exist on the engine; deploy the environment first, or check --env");
        return new VolumeReader(volume, await CreateHelperAsync(volume, readOnly: true, ["true"], ct), this);
    }

    internal async Task ReadHelperAsync(string id, string volume, Func<Stream, CancellationToken, Task> consume, CancellationToken ct)
    {
        var archive = await docker.Containers.GetArchiveFromContainerAsync(id, new ContainerPathStatParameters { Path = ArchivePaths.MountPoint }, statOnly: false, ct);
        await using var stream = archive.Stream ?? throw new BackupException($"the engine returned no archive for volume {volume}");
        await consume(stream, ct);
    }

    /// <summary>Empties the volume, then extracts into it the tar <paramref name="produce"/> writes (entries "volume/...", so the
    /// volume's own root keeps the owner and mode it had).</summary>
    public async Task ReplaceAsync(string volume, Func<Stream, CancellationToken, Task> produce, CancellationToken ct = default)
    {
        // Emptying needs a running process; the helper image's find does it (the Engine API has no delete of paths).
        var id = await CreateHelperAsync(volume, readOnly: false, ["find", ArchivePaths.MountPoint, "-mindepth", "1", "-delete"], ct);
        try
        {
            await EmptyAsync(id, volume, ct);
            await ExtractAsync(id, produce, ct);
        }
        finally
        {
            await RemoveHelperAsync(id);
        }
    }

    async Task EmptyAsync(string id, string volume, CancellationToken ct)
    {
        await docker.Containers.StartContainerAsync(id, new ContainerStartParameters(), ct);
        var exit = await docker.Containers.WaitContainerAsync(id, ct);
        if (exit.StatusCode != 0)
            throw new BackupException($"emptying volume {volume} before the restore failed (exit {exit.StatusCode}): " +
                $"{await new ContainerOperations(docker).TailLogsAsync(id, 5, ct)}");
    }

    async Task ExtractAsync(string id, Func<Stream, CancellationToken, Task> produce, CancellationToken ct)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 8 << 20, resumeWriterThreshold: 4 << 20));
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var extract = Task.Run(async () =>
        {
            try
            {
                await docker.Containers.ExtractArchiveToContainerAsync(id, new CopyToContainerParameters { Path = "/" }, pipe.Reader.AsStream(), ct);
            }
            catch
            {
                abort.Cancel(); // the producer would otherwise wait for a reader that is gone
                throw;
            }
        }, CancellationToken.None);
        try
        {
            await produce(pipe.Writer.AsStream(leaveOpen: true), abort.Token);
            await pipe.Writer.CompleteAsync();
        }
        catch (Exception e)
        {
            await pipe.Writer.CompleteAsync(e);
            if (extract.IsFaulted) await extract; // the engine's reason beats the producer's cancellation
            throw;
        }
        await extract;
    }

    async Task<string> CreateHelperAsync(string volume, bool readOnly, IReadOnlyList<string> command, CancellationToken ct)
    {
        try
        {
            var created = await docker.Containers.CreateContainerAsync(HelperRequest(helperImage, volume, readOnly, command), ct);
            Log.Debug("Created backup helper {Id} for volume {Volume}", ContainerOperations.ShortId(created.ID), volume);
            return created.ID;
        }
        catch (DockerImageNotFoundException)
        {
            throw new BackupException($"the backup helper image {helperImage} is not on the engine; run ./build.sh BaseImage or set --backup-helper-image to an image it has");
        }
    }

    /// <summary>Runs even when the caller was cancelled, so no helper is left behind.</summary>
    internal async Task RemoveHelperAsync(string id)
    {
        try { await new ContainerOperations(docker).RemoveAsync(id, CancellationToken.None); }
        catch (DockerApiException e) { Log.Warning("Could not remove backup helper {Id}: {Problem}", ContainerOperations.ShortId(id), e.Message); }
    }
}

/// <summary>A created (never started) helper container with one volume mounted read-only; disposing removes it.</summary>
public sealed class VolumeReader : IAsyncDisposable
{
    readonly string _volume;
    readonly string _helper;
    readonly VolumeArchive _archive;

    internal VolumeReader(string volume, string helper, VolumeArchive archive) => (_volume, _helper, _archive) = (volume, helper, archive);

    /// <summary>Hands the volume's content (entries "volume/...") to <paramref name="consume"/>.</summary>
    public Task ReadAsync(Func<Stream, CancellationToken, Task> consume, CancellationToken ct = default) =>
        _archive.ReadHelperAsync(_helper, _volume, consume, ct);

    public async ValueTask DisposeAsync() => await _archive.RemoveHelperAsync(_helper);
}
