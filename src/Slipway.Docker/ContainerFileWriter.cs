using System.Formats.Tar;
using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using Serilog;

namespace Slipway.Docker;

/// <summary>
/// Puts files into a created, not yet started container through the Engine API (so it works against a remote engine too),
/// owned by the user the container runs as: its numeric uid[:gid], or the name looked up in the container's /etc/passwd.
/// </summary>
public sealed class ContainerFileWriter(IDockerClient docker)
{
    public async Task PutAsync(string containerId, IReadOnlyList<ContainerFile> files, CancellationToken ct = default)
    {
        var user = (await docker.Containers.InspectContainerAsync(containerId, ct)).Config?.User ?? "";
        var (uid, gid) = await OwnerAsync(containerId, user, ct);
        await using var archive = Archive(files, uid, gid);
        await docker.Containers.ExtractArchiveToContainerAsync(containerId, new CopyToContainerParameters { Path = "/" }, archive, ct);
        Log.Debug("Put {Count} files into {Id}, owned by {Uid}:{Gid}", files.Count, ContainerOperations.ShortId(containerId), uid, gid);
    }

    /// <summary>The tar the engine extracts at "/": one entry per file, with its owner and mode; parent folders are created by the engine.</summary>
    public static MemoryStream Archive(IEnumerable<ContainerFile> files, int uid, int gid)
    {
        var archive = new MemoryStream();
        using (var writer = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var file in files)
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, file.Path.TrimStart('/'))
                {
                    DataStream = new MemoryStream(file.Content), Mode = file.Mode, Uid = uid, Gid = gid,
                    ModificationTime = DateTimeOffset.UnixEpoch,
                });
        }
        archive.Position = 0;
        return archive;
    }

    /// <summary>"" is root; "1000" or "1000:1000" are taken as they are; names are looked up in the container's own files.</summary>
    async Task<(int Uid, int Gid)> OwnerAsync(string containerId, string user, CancellationToken ct)
    {
        if (user.Length == 0) return (0, 0);
        var parts = user.Split(':', 2);
        var passwd = IsNumber(parts[0]) && (parts.Length == 2 && IsNumber(parts[1])) ? "" : await ReadFileAsync(containerId, "/etc/passwd", ct);
        var entry = passwd.Split('\n').Select(l => l.Split(':')).FirstOrDefault(f => f.Length > 3 && (f[0] == parts[0] || f[2] == parts[0]));
        int? uid = IsNumber(parts[0]) ? int.Parse(parts[0], CultureInfo.InvariantCulture) : entry is null ? null : int.Parse(entry[2], CultureInfo.InvariantCulture);
        if (uid is null)
        {
            Log.Warning("User {User} of container {Id} is not in its /etc/passwd; its secret files are owned by root", parts[0], ContainerOperations.ShortId(containerId));
            return (0, 0);
        }
        if (parts.Length == 1) return (uid.Value, entry is null ? 0 : int.Parse(entry[3], CultureInfo.InvariantCulture));
        if (IsNumber(parts[1])) return (uid.Value, int.Parse(parts[1], CultureInfo.InvariantCulture));
        var group = (await ReadFileAsync(containerId, "/etc/group", ct)).Split('\n').Select(l => l.Split(':')).FirstOrDefault(f => f.Length > 2 && f[0] == parts[1]);
        return (uid.Value, group is null ? 0 : int.Parse(group[2], CultureInfo.InvariantCulture));
    }

    static bool IsNumber(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);

    async Task<string> ReadFileAsync(string containerId, string path, CancellationToken ct)
    {
        try
        {
            var response = await docker.Containers.GetArchiveFromContainerAsync(containerId, new ContainerPathStatParameters { Path = path }, statOnly: false, ct);
            using var copy = new MemoryStream();
            await using (var stream = response.Stream!)
            {
                try { await stream.CopyToAsync(copy, ct); }
                catch (EndOfStreamException) { } // the engine may end the chunked stream without its closing chunk
            }
            copy.Position = 0;
            var entry = new TarReader(copy).GetNextEntry();
            return entry?.DataStream is null ? "" : await new StreamReader(entry.DataStream).ReadToEndAsync(ct);
        }
        catch (DockerApiException)
        {
            return "";
        }
    }
}
