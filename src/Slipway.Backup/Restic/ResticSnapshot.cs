using System.Globalization;
using System.Text.Json;

namespace Slipway.Backup.Restic;

/// <summary>A snapshot as `restic snapshots --json` lists it; its tags say environment, kind, release and commit.</summary>
public sealed record ResticSnapshot(string Id, DateTimeOffset Time, string Hostname, IReadOnlyList<string> Tags, IReadOnlyList<string> Paths)
{
    public string ShortId => Id[..Math.Min(8, Id.Length)];
    public string? Environment => Tag(SnapshotTags.EnvironmentKey);
    public string? Kind => Tag(SnapshotTags.KindKey);
    public string? Release => Tag(SnapshotTags.ReleaseKey);
    public string? Commit => Tag(SnapshotTags.CommitKey);

    /// <summary>The path of the stdin file inside the snapshot (/&lt;env&gt;.tar).</summary>
    public string FilePath => Paths.Count == 1 ? Paths[0] : throw new BackupException(
        $"snapshot {ShortId} holds {Paths.Count} paths, not the single stream file this pipeline writes; restore it with restic itself");

    public string? Tag(string key) =>
        Tags.FirstOrDefault(t => t.StartsWith(key + "=", StringComparison.Ordinal))?[(key.Length + 1)..];

    public override string ToString() =>
        $"{ShortId}  {Time.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z  {Kind ?? "-",-10}  release {Release ?? "-"}  commit {Commit?[..Math.Min(12, Commit.Length)] ?? "-"}";

    /// <summary>Reads the JSON array restic prints; restic's nanosecond times are cut to what .NET keeps.</summary>
    public static IReadOnlyList<ResticSnapshot> ParseList(string json)
    {
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "[]" : json);
        return document.RootElement.ValueKind == JsonValueKind.Array
            ? document.RootElement.EnumerateArray().Select(Parse).OrderBy(s => s.Time).ToList()
            : [];
    }

    internal static ResticSnapshot Parse(JsonElement e) => new(
        e.GetProperty("id").GetString()!,
        ParseTime(e.GetProperty("time").GetString()!),
        e.TryGetProperty("hostname", out var host) ? host.GetString() ?? "" : "",
        Strings(e, "tags"),
        Strings(e, "paths"));

    /// <summary>restic prints RFC 3339 with up to nine fraction digits; .NET parses seven.</summary>
    public static DateTimeOffset ParseTime(string text)
    {
        var dot = text.IndexOf('.');
        if (dot > 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
            var fraction = text[(dot + 1)..end];
            text = text[..dot] + (fraction.Length > 0 ? "." + fraction[..Math.Min(7, fraction.Length)] : "") + text[end..];
        }
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    static IReadOnlyList<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select(x => x.GetString() ?? "").ToList()
            : [];
}
