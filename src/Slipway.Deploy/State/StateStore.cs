using System.Formats.Tar;
using System.Net;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using Slipway.Docker;
using ContainerSpec = Slipway.Docker.ContainerSpec;

namespace Slipway.Deploy.State;

/// <summary>Small text files kept on the deploy target itself (a volume held by a never-started container),
/// so every CI runner and laptop sees the same release history, stable marks and audit log.</summary>
public sealed class StateStore(IDockerClient docker, string name = StateStore.DefaultName)
{
    public const string DefaultName = "slipway-state";
    const string MountPath = "/state";

    /// <summary>The volume holding the files, and the never-started container that holds the volume, share this name.</summary>
    public string Name => name;
    string ContainerName => name;
    string VolumeName => name;

    /// <summary>Removes the container and the volume with every file in it; for throw-away stores in tests.</summary>
    public async Task DestroyAsync(CancellationToken ct = default)
    {
        await new ContainerOperations(docker).RemoveAsync(ContainerName, ct);
        await new VolumeOperations(docker).RemoveAsync(VolumeName, ct);
    }

    /// <summary>The file's text, or null when it does not exist yet.</summary>
    public async Task<string?> ReadAsync(string path, CancellationToken ct = default)
    {
        if (await new ContainerOperations(docker).InspectAsync(ContainerName, ct) is null) return null;
        try
        {
            var archive = await docker.Containers.GetArchiveFromContainerAsync(ContainerName,
                new ContainerPathStatParameters { Path = $"{MountPath}/{path}" }, statOnly: false, ct);
            await using var reader = new TarReader(await ReadFullyAsync(archive.Stream!, ct));
            var entry = await reader.GetNextEntryAsync(copyData: false, ct);
            if (entry?.DataStream is null) return null;
            using var text = new StreamReader(entry.DataStream, Encoding.UTF8);
            return await text.ReadToEndAsync(ct);
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>The engine's chunked archive stream can end without its closing chunk; what arrived before that is the whole archive.</summary>
    static async Task<MemoryStream> ReadFullyAsync(Stream stream, CancellationToken ct)
    {
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, ct)) > 0) await copy.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        catch (EndOfStreamException) { }
        finally { await stream.DisposeAsync(); }
        copy.Position = 0;
        return copy;
    }

    public async Task WriteAsync(string path, string content, CancellationToken ct = default)
    {
        await EnsureContainerAsync(ct);
        using var archive = new MemoryStream();
        await using (var writer = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
        {
            var directories = path.Split('/')[..^1];
            for (var i = 1; i <= directories.Length; i++)
                await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, string.Join('/', directories[..i]) + "/")
                {
                    Mode = (UnixFileMode)0b111_101_101,
                }, ct);
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, path)
            {
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
                Mode = (UnixFileMode)0b110_100_100,
            }, ct);
        }
        archive.Position = 0;
        await docker.Containers.ExtractArchiveToContainerAsync(ContainerName, new CopyToContainerParameters { Path = MountPath }, archive, ct);
    }

    async Task EnsureContainerAsync(CancellationToken ct)
    {
        var containers = new ContainerOperations(docker);
        if (await containers.InspectAsync(ContainerName, ct) is not null) return;
        await MarkerImage.EnsureAsync(new ImageOperations(docker), ct);
        await new VolumeOperations(docker).EnsureAsync(VolumeName, new Dictionary<string, string> { [Deployer.LabelPrefix + "role"] = "state" }, ct);
        try
        {
            await containers.CreateAsync(new ContainerSpec(ContainerName, MarkerImage.Reference.ToString())
            {
                Command = MarkerImage.Command,
                Mounts = [new MountSpec("volume", VolumeName, MountPath)],
                Labels = new Dictionary<string, string> { [Deployer.LabelPrefix + "role"] = "state" },
            }, ct);
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            // Another build created it at the same moment; it is the same container either way.
        }
    }
}
