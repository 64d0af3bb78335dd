using System.Formats.Tar;

namespace Slipway.Docker;

/// <summary>Packs a build context directory into the tar stream the Engine API's build endpoint expects.</summary>
public static class BuildContextArchive
{
    /// <summary>Name under which a Dockerfile from outside the context is added to the archive.</summary>
    public const string ExternalDockerfileName = ".slipway.Dockerfile";

    // A fixed timestamp keeps the archive identical for identical content, so the engine's cache can hit.
    static readonly DateTimeOffset FixedTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Writes the context to a seekable stream; returns the Dockerfile path inside the archive.</summary>
    public static async Task<(MemoryStream Archive, string DockerfileInArchive)> CreateAsync(
        string contextDirectory, string dockerfile, CancellationToken ct = default)
    {
        if (!Directory.Exists(contextDirectory))
            throw new DirectoryNotFoundException($"build context '{contextDirectory}' does not exist; check --docker-context");
        if (!File.Exists(dockerfile))
            throw new FileNotFoundException($"Dockerfile '{dockerfile}' does not exist; check --dockerfile");

        var archive = new MemoryStream();
        var dockerfileInArchive = Path.GetRelativePath(contextDirectory, dockerfile).Replace('\\', '/');
        var isInside = !dockerfileInArchive.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(dockerfileInArchive);
        await using (var writer = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var file in Directory.EnumerateFiles(contextDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                await AddFileAsync(writer, file, Path.GetRelativePath(contextDirectory, file).Replace('\\', '/'), ct);
            if (!isInside)
            {
                dockerfileInArchive = ExternalDockerfileName;
                await AddFileAsync(writer, dockerfile, dockerfileInArchive, ct);
            }
        }
        archive.Position = 0;
        return (archive, dockerfileInArchive);
    }

    static async Task AddFileAsync(TarWriter writer, string path, string name, CancellationToken ct)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            ModificationTime = FixedTime,
            Mode = OperatingSystem.IsWindows() ? (UnixFileMode)0b110_100_100 : File.GetUnixFileMode(path),
        };
        await using var content = File.OpenRead(path);
        entry.DataStream = content;
        await writer.WriteEntryAsync(entry, ct);
    }
}
