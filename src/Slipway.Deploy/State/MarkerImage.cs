using System.Formats.Tar;
using Slipway.Docker;

namespace Slipway.Deploy.State;

/// <summary>A one-file image for containers that only hold labels or a volume (locks, the state store) and are never started.</summary>
public static class MarkerImage
{
    public static readonly ImageRef Reference = ImageRef.Parse("slipway/marker:1");

    public static async Task EnsureAsync(ImageOperations images, CancellationToken ct = default)
    {
        if (await images.InspectAsync(Reference.ToString(), ct) is not null) return;
        using var archive = new MemoryStream();
        await using (var writer = new TarWriter(archive, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, ".slipway-marker") { DataStream = new MemoryStream("slipway\n"u8.ToArray()) };
            await writer.WriteEntryAsync(entry, ct);
        }
        archive.Position = 0;
        await images.ImportAsync(archive, Reference, ct);
    }

    /// <summary>Never run: the command only satisfies the engine, which refuses to create a container without one.</summary>
    public static readonly IReadOnlyList<string> Command = ["/never-started"];
}
