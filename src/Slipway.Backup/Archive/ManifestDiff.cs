namespace Slipway.Backup.Archive;

/// <summary>Which files were added, changed or removed between two file lists (path, size, sha256); pure.</summary>
/// <remarks>One comparison, three uses: a restore or verification checks the stream against its MANIFEST, a backup reports
/// what changed since the last one, and a rollback asks whether the failed release changed the data.</remarks>
public sealed record ManifestDiff(IReadOnlyList<string> Added, IReadOnlyList<string> Changed, IReadOnlyList<string> Removed, int Unchanged)
{
    public bool IsEmpty => Added.Count == 0 && Changed.Count == 0 && Removed.Count == 0;

    public static ManifestDiff Compare(IEnumerable<ManifestFile> before, IEnumerable<ManifestFile> after)
    {
        var old = before.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var now = after.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var added = now.Keys.Where(p => !old.ContainsKey(p)).Order(StringComparer.Ordinal).ToList();
        var removed = old.Keys.Where(p => !now.ContainsKey(p)).Order(StringComparer.Ordinal).ToList();
        var changed = now.Values.Where(f => old.TryGetValue(f.Path, out var o) && (o.Size != f.Size || o.Sha256 != f.Sha256))
            .Select(f => f.Path).Order(StringComparer.Ordinal).ToList();
        return new ManifestDiff(added, changed, removed, now.Count - added.Count - changed.Count);
    }

    /// <summary>"2 new, 1 changed, 0 removed (volumes/db/x, ...)", naming at most <paramref name="examples"/> paths.</summary>
    public string Describe(int examples = 3)
    {
        var named = Added.Concat(Changed).Concat(Removed).Take(examples).ToList();
        var more = Added.Count + Changed.Count + Removed.Count > named.Count ? ", ..." : "";
        return $"{Added.Count} new, {Changed.Count} changed, {Removed.Count} removed, {Unchanged} unchanged" +
            (named.Count > 0 ? $" ({string.Join(", ", named)}{more})" : "");
    }
}
