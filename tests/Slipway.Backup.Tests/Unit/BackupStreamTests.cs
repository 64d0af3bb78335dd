using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using Slipway.Backup.Archive;
using Slipway.Backup.Tests.Support;

namespace Slipway.Backup.Tests.Unit;

public sealed class BackupStreamTests : IDisposable
{
    readonly TempDirectory _root = new();
    readonly string _compose;
    static readonly DateTimeOffset Time = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public BackupStreamTests() => _compose = _root.File("compose/compose.yml", "services: {}\n");

    /// <summary>What the engine returns for GET /containers/x/archive?path=/volume.</summary>
    static MemoryStream EngineArchive(string content)
    {
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Ustar, leaveOpen: true))
        {
            writer.WriteEntry(new UstarTarEntry(TarEntryType.Directory, "volume/") { ModificationTime = Time, Uid = 999 });
            writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, "volume/a.txt")
            {
                ModificationTime = Time, DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
            });
            writer.WriteEntry(new UstarTarEntry(TarEntryType.HardLink, "volume/h.txt") { LinkName = "volume/a.txt", ModificationTime = Time });
            writer.WriteEntry(new UstarTarEntry(TarEntryType.SymbolicLink, "volume/s.txt") { LinkName = "a.txt", ModificationTime = Time });
        }
        tar.Position = 0;
        return tar;
    }

    async Task<(byte[] Tar, BackupManifest Manifest)> ComposeAsync(string content = "hello")
    {
        var output = new MemoryStream();
        var stream = new BackupStream(output);
        await stream.AddVolumeAsync("app_data", new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" }, EngineArchive(content), default);
        await stream.AddFileAsync(BackupFiles.Config(_root.Path, _compose), default);
        var manifest = await stream.FinishAsync("prod", "1.2.3", Some.Commit, default);
        return (output.ToArray(), manifest);
    }

    static List<TarEntry> Entries(byte[] tar)
    {
        using var reader = new TarReader(new MemoryStream(tar));
        var entries = new List<TarEntry>();
        while (reader.GetNextEntry(copyData: true) is { } e) entries.Add(e);
        return entries;
    }

    [Fact]
    public async Task VolumesComeFirstThenFilesThenTheManifestLast()
    {
        var (tar, _) = await ComposeAsync();

        Assert.Equal(["volumes/app_data/", "volumes/app_data/a.txt", "volumes/app_data/h.txt", "volumes/app_data/s.txt", "config/compose/compose.yml", "MANIFEST.json"],
            Entries(tar).Select(e => e.Name));
    }

    [Fact]
    public async Task TheManifestHasEveryFileWithSizeAndSha256AndTheRelease()
    {
        var (tar, manifest) = await ComposeAsync();

        var written = BackupManifest.FromJson(Encoding.UTF8.GetString(((MemoryStream)Entries(tar)[^1].DataStream!).ToArray()));
        Assert.Equal(manifest.ToJson(), written.ToJson());
        Assert.Equal(("prod", "1.2.3", Some.Commit), (written.Environment, written.Release, written.Commit));
        var a = written.Files.Single(f => f.Path == "volumes/app_data/a.txt");
        Assert.Equal((5L, Convert.ToHexStringLower(SHA256.HashData("hello"u8))), (a.Size, a.Sha256));
        Assert.Equal("compose/compose.yml", written.Files.Single(f => f.Path.StartsWith("config/")).Source);
        var volume = written.Volumes.Single();
        Assert.Equal(("app_data", 1L, 5L), (volume.Name, volume.Files, volume.Bytes));
        Assert.Equal(["a", "b"], volume.Labels.Keys);
    }

    [Fact]
    public async Task LinksKeepTheirTargetsInsideTheVolume()
    {
        var entries = Entries((await ComposeAsync()).Tar);

        Assert.Equal("volumes/app_data/a.txt", entries.Single(e => e.Name.EndsWith("h.txt")).LinkName);
        Assert.Equal("a.txt", entries.Single(e => e.Name.EndsWith("s.txt")).LinkName);
        Assert.Equal(999, entries[0].Uid);
    }

    [Fact]
    public async Task TheSameContentGivesTheSameBytesSoResticStoresNothingNew()
    {
        var first = await ComposeAsync();
        var second = await ComposeAsync();

        Assert.Equal(first.Tar, second.Tar);
    }

    [Fact]
    public async Task TheTarReaderFindsEveryChecksumIntactAndACorruptedByteIsCaught()
    {
        var (tar, _) = await ComposeAsync("hello");
        var intact = await BackupTarReader.ReadAsync(new MemoryStream(tar), "test", null, default);
        var at = tar.AsSpan().IndexOf("hello"u8);
        tar[at] = (byte)'j';

        var corrupted = await BackupTarReader.ReadAsync(new MemoryStream(tar), "test", null, default);

        Assert.True(intact.Check().IsEmpty);
        Assert.Equal(["volumes/app_data/a.txt"], corrupted.Check().Changed);
    }

    [Fact]
    public async Task AStreamWithoutManifestIsRefused()
    {
        var tar = new MemoryStream();
        await using (var writer = new TarWriter(tar, leaveOpen: true))
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, "x") { DataStream = new MemoryStream([1]) });
        tar.Position = 0;

        var e = await Assert.ThrowsAsync<BackupException>(() => BackupTarReader.ReadAsync(tar, "snapshot 1234", null, default));
        Assert.Equal("snapshot 1234 holds no MANIFEST.json: it was not written by this pipeline or it is truncated", e.Message);
    }

    [Fact]
    public async Task DataThatEndsEarlyFailsInsteadOfPaddingTheTar()
    {
        await using var hashing = new HashingReadStream(new MemoryStream([1, 2, 3]), 10);

        await Assert.ThrowsAsync<EndOfStreamException>(() => hashing.DrainAsync(default));
    }

    public void Dispose() => _root.Dispose();
}
