using System.Text.Json;
using System.Text.Json.Serialization;
using Slipway.Deploy.State;

namespace Slipway.Deploy.Releases;

/// <summary>An environment's releases, newest last, and which one is stable; kept in the deploy target's state store.</summary>
public sealed record ReleaseHistory(string Environment, int NextNumber, string? StableId, IReadOnlyList<Release> Releases)
{
    static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    public static string PathOf(string environment) => $"{environment}/releases.json";

    public static async Task<ReleaseHistory> LoadAsync(StateStore store, string environment, CancellationToken ct = default) =>
        await store.ReadAsync(PathOf(environment), ct) is { } text
            ? JsonSerializer.Deserialize<ReleaseHistory>(text, Json)!
            : new ReleaseHistory(environment, 1, null, []);

    public Task SaveAsync(StateStore store, CancellationToken ct = default) =>
        store.WriteAsync(PathOf(Environment), JsonSerializer.Serialize(this, Json), ct);

    public Release? Stable => StableId is null ? null : Find(StableId);
    public Release? Latest => Releases.Count == 0 ? null : Releases[^1];

    /// <summary>By id ("r7" or "7"), digest, or commit prefix.</summary>
    public Release? Find(string idOrDigest)
    {
        var id = idOrDigest.StartsWith('r') ? idOrDigest : "r" + idOrDigest;
        return Releases.LastOrDefault(r => r.Id == id)
            ?? Releases.LastOrDefault(r => r.Digest == idOrDigest || r.Image.EndsWith("@" + idOrDigest, StringComparison.Ordinal))
            ?? (idOrDigest.Length >= 7 ? Releases.LastOrDefault(r => r.Commit.StartsWith(idOrDigest, StringComparison.Ordinal)) : null);
    }

    public (ReleaseHistory History, Release Release) Add(Func<string, Release> create)
    {
        var release = create($"r{NextNumber}") with { Previous = Latest?.Id };
        // A release still "deploying" when the next one starts was interrupted (a killed build).
        var settled = Releases.Select(r => r.State == ReleaseState.Deploying ? r with { State = ReleaseState.Failed } : r);
        return (this with { NextNumber = NextNumber + 1, Releases = [.. settled, release] }, release);
    }

    public ReleaseHistory With(Release changed) =>
        this with { Releases = Releases.Select(r => r.Id == changed.Id ? changed : r).ToList() };

    public ReleaseHistory MarkStable(Release release) => With(release with { State = ReleaseState.SmokePassed }) with { StableId = release.Id };

    /// <summary>Keeps the newest <paramref name="keep"/> releases and the stable one; returns the history and the releases no longer retained.</summary>
    public (ReleaseHistory History, IReadOnlyList<Release> Dropped) ApplyRetention(int keep)
    {
        var kept = Releases.TakeLast(keep).Select(r => r.Id).Append(StableId).ToHashSet();
        var dropped = Releases.Where(r => r.Retained && !kept.Contains(r.Id)).ToList();
        var history = this with { Releases = Releases.Select(r => dropped.Contains(r) ? r with { Retained = false } : r).ToList() };
        return (history, dropped);
    }
}
