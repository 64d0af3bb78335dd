using System.Globalization;
using Slipway.Secrets.Tree;

namespace Slipway.Secrets.Metadata;

/// <summary>One age recipient of a file and the data key wrapped for it (armored age ciphertext).</summary>
internal sealed record AgeStanza(string Recipient, string Enc);

/// <summary>
/// The `sops:` block. Key types Slipway cannot use (pgp, kms, gcp_kms, azure_kv, hc_vault, ...) are kept
/// verbatim so a save with the same data key leaves them valid. Written the way sops 3.10+ writes it:
/// keys sorted, empty lists and unset options left out.
/// </summary>
internal sealed class SopsMetadata
{
    public const string WriterVersion = "3.10.2";

    private static readonly HashSet<string> KnownKeys =
    [
        "age", "key_groups", "lastmodified", "mac", "version", "shamir_threshold", "mac_only_encrypted",
        "unencrypted_suffix", "encrypted_suffix", "unencrypted_regex", "encrypted_regex",
        "unencrypted_comment_regex", "encrypted_comment_regex",
    ];

    public List<AgeStanza> Age { get; set; } = [];
    public string LastModified { get; set; } = Rfc3339.Now();
    public string? Mac { get; set; }
    public string Version { get; set; } = WriterVersion;
    public EncryptionRules Rules { get; set; } = new();
    public int KeyGroupCount { get; private set; } = 1;
    public int ShamirThreshold { get; private set; }

    /// <summary>Other master keys (pgp, kms, ...) by metadata key, kept as read.</summary>
    public SortedDictionary<string, object?> OtherKeys { get; } = new(StringComparer.Ordinal);

    public IEnumerable<string> PgpFingerprints => OtherKeys.GetValueOrDefault("pgp") is TreeSequence pgp
        ? pgp.OfType<TreeBranch>().Select(k => Text(k.Find("fp")?.Value) ?? "?")
        : [];

    public static SopsMetadata FromTree(TreeBranch tree)
    {
        var md = new SopsMetadata();
        foreach (var item in tree.Where(i => i.Key is string))
        {
            var key = (string)item.Key;
            if (!KnownKeys.Contains(key) && !IsEmpty(item.Value)) md.OtherKeys[key] = item.Value;
        }
        md.Age = AgeStanzas(tree.Find("age")?.Value);
        if (tree.Find("key_groups")?.Value is TreeSequence groups) md.ReadKeyGroups(groups);
        md.LastModified = Text(tree.Find("lastmodified")?.Value)
            ?? throw new MetadataException("sops metadata has no lastmodified");
        md.Mac = Text(tree.Find("mac")?.Value);
        md.Version = Text(tree.Find("version")?.Value) ?? "";
        md.ShamirThreshold = (int)(GoFormat.ParseInt(Text(tree.Find("shamir_threshold")?.Value) ?? "0") ?? 0);
        md.Rules = ReadRules(tree);
        if (md.Rules.RuleCount > 1)
            throw new MetadataException("sops metadata sets more than one of encrypted_suffix, unencrypted_suffix, encrypted_regex, unencrypted_regex, encrypted_comment_regex, unencrypted_comment_regex");
        md.Rules = md.Rules.WithDefault();
        return md;
    }

    public TreeBranch ToTree()
    {
        var entries = new SortedDictionary<string, object?>(OtherKeys, StringComparer.Ordinal);
        if (Age.Count > 0)
        {
            entries["age"] = new TreeSequence(Age.Select(a => (object?)new TreeBranch
            {
                new("enc", a.Enc), new("recipient", a.Recipient),
            }));
        }
        entries["lastmodified"] = LastModified;
        entries["mac"] = Mac ?? "";
        entries["version"] = Version;
        if (ShamirThreshold > 0) entries["shamir_threshold"] = (long)ShamirThreshold;
        if (Rules.MacOnlyEncrypted) entries["mac_only_encrypted"] = true;
        AddRule(entries, "unencrypted_suffix", Rules.UnencryptedSuffix);
        AddRule(entries, "encrypted_suffix", Rules.EncryptedSuffix);
        AddRule(entries, "unencrypted_regex", Rules.UnencryptedRegex);
        AddRule(entries, "encrypted_regex", Rules.EncryptedRegex);
        AddRule(entries, "unencrypted_comment_regex", Rules.UnencryptedCommentRegex);
        AddRule(entries, "encrypted_comment_regex", Rules.EncryptedCommentRegex);
        return new TreeBranch(entries.Select(e => new TreeItem(e.Key, e.Value)));
    }

    private static void AddRule(SortedDictionary<string, object?> entries, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value)) entries[key] = value;
    }

    // One key group is just another spelling of the top-level lists; several mean Shamir secret sharing.
    private void ReadKeyGroups(TreeSequence groups)
    {
        var list = groups.Values.OfType<TreeBranch>().ToList();
        KeyGroupCount = list.Count;
        if (list.Count != 1) return;
        Age.AddRange(AgeStanzas(list[0].Find("age")?.Value));
        foreach (var item in list[0].Where(i => i.Key is string k && k != "age" && !IsEmpty(i.Value)))
            OtherKeys[(string)item.Key] = item.Value;
    }

    private static List<AgeStanza> AgeStanzas(object? value) => value is TreeSequence seq
        ? seq.Values.OfType<TreeBranch>()
            .Select(b => new AgeStanza(Text(b.Find("recipient")?.Value)?.Trim() ?? "", Text(b.Find("enc")?.Value) ?? ""))
            .ToList()
        : [];

    private static EncryptionRules ReadRules(TreeBranch tree) => new()
    {
        UnencryptedSuffix = Text(tree.Find("unencrypted_suffix")?.Value),
        EncryptedSuffix = Text(tree.Find("encrypted_suffix")?.Value),
        UnencryptedRegex = Text(tree.Find("unencrypted_regex")?.Value),
        EncryptedRegex = Text(tree.Find("encrypted_regex")?.Value),
        UnencryptedCommentRegex = Text(tree.Find("unencrypted_comment_regex")?.Value),
        EncryptedCommentRegex = Text(tree.Find("encrypted_comment_regex")?.Value),
        MacOnlyEncrypted = tree.Find("mac_only_encrypted")?.Value is true or "true",
    };

    private static bool IsEmpty(object? value) => value is null or TreeSequence { Count: 0 } or TreeBranch { Count: 0 } or "";

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => GoFormat.Float(d),
        bool b => b ? "true" : "false",
        _ => null,
    };
}

/// <summary>The `sops:` block is missing a field or breaks one of sops' rules.</summary>
internal sealed class MetadataException(string message) : Exception(message);

/// <summary>Timestamps as Go's time.Format(time.RFC3339) prints them; the MAC's additional data depends on it.</summary>
internal static class Rfc3339
{
    public static string Now() => Format(DateTimeOffset.UtcNow);

    public static string Format(DateTimeOffset time) =>
        time.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) +
        (time.Offset == TimeSpan.Zero ? "Z" : time.ToString("zzz", CultureInfo.InvariantCulture));

    /// <summary>Parses and re-prints, as sops does before using lastmodified as additional data.</summary>
    public static string? Canonical(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
        && text.Contains('T') ? Format(time) : null;
}
