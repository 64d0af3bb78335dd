using System.Globalization;
using Slipway.Secrets.Age;
using Slipway.Secrets.Metadata;
using Slipway.Secrets.Stores;
using Slipway.Secrets.Tree;

namespace Slipway.Secrets;

/// <summary>
/// A sops file decrypted in memory (YAML, JSON, dotenv; INI and binary read-only): read values, change them,
/// and write it back encrypted with the same data key, as `sops edit` does. Multi-document YAML is decrypted,
/// verified and re-written whole; key paths address its first document.
/// </summary>
public sealed partial class SopsDocument
{
    private readonly ISopsStore _store;
    private readonly SopsMetadata _metadata;
    private readonly IvStash _stash;
    private List<TreeBranch> _branches;
    private byte[] _dataKey;

    private SopsDocument(string path, SopsFormat format, ISopsStore store, List<TreeBranch> branches,
        SopsMetadata metadata, byte[] dataKey, IvStash stash, string? keySource)
    {
        Path = path;
        Format = format;
        _store = store;
        _branches = branches;
        _metadata = metadata;
        _dataKey = dataKey;
        _stash = stash;
        KeySource = keySource;
    }

    public string Path { get; }

    public SopsFormat Format { get; }

    /// <summary>The key source whose identity unwrapped the data key (e.g. SOPS_AGE_KEY); null for a file created here.</summary>
    public string? KeySource { get; }

    public IReadOnlyList<string> AgeRecipients => _metadata.Age.Select(a => a.Recipient).ToList();

    /// <summary>The key path of every value, in file order.</summary>
    public IReadOnlyList<string> Keys => KeyPath.Leaves(Root).ToList();

    private TreeBranch Root => _branches.Count > 0 ? _branches[0] : AddRoot();

    /// <summary>Decrypts a sops file with the first age identity found in <paramref name="keys"/> and verifies its MAC.</summary>
    public static async Task<SopsDocument> LoadAsync(string path, AgeKeySources? keys = null, CancellationToken ct = default)
    {
        var file = SopsFileReader.ReadEncrypted(path);
        var unwrapped = await new DataKeyUnwrapper(AgeCli.Default).UnwrapAsync(path, file.Metadata, keys ?? AgeKeySources.FromEnvironment(), ct);
        var stash = new IvStash();
        var plain = SopsTreeCrypto.DecryptAndVerify(path, file.Branches, file.Metadata, unwrapped.DataKey, stash);
        SecretsLog.Decrypted(path, unwrapped.Source);
        return new SopsDocument(path, file.Format, file.Store, plain, file.Metadata, unwrapped.DataKey, stash, unwrapped.Source);
    }

    /// <summary>The key paths of a sops file without decrypting it: no key needed, no value shown.</summary>
    public static IReadOnlyList<string> ListKeys(string path)
    {
        var file = SopsFileReader.ReadEncrypted(path);
        return file.Branches.Count == 0 ? [] : KeyPath.Leaves(file.Branches[0]).ToList();
    }

    /// <summary>The age recipients a sops file is encrypted for, without decrypting it.</summary>
    public static IReadOnlyList<string> ListRecipients(string path) =>
        SopsFileReader.ReadEncrypted(path).Metadata.Age.Select(a => a.Recipient).ToList();

    public bool Contains(string keyPath) => KeyPath.TryFind(Root, ParsePath(keyPath), out var node, out _) && IsLeaf(node);

    /// <summary>The value at a key path such as "db/password" or "hosts/0".</summary>
    public SecretValue Get(string keyPath)
    {
        if (!KeyPath.TryFind(Root, ParsePath(keyPath), out var node, out var problem))
            throw new SecretsException($"{Path}: key path '{keyPath}' not found: {problem}");
        if (!IsLeaf(node))
            throw new SecretsException($"{Path}: '{keyPath}' holds a {(node is TreeBranch ? "mapping" : "list")}, not a value; add one of: {Children(node)}");
        return new SecretValue(Text(node));
    }

    /// <summary>Sets a string value, creating the mappings on its path; call <see cref="SaveAsync"/> to write it.</summary>
    public void Set(string keyPath, string value)
    {
        var path = ParsePath(keyPath);
        if (path[0] == SopsStores.MetadataKey || Format == SopsFormat.Dotenv && path[0].StartsWith(SopsStores.MetadataKey + "_", StringComparison.Ordinal))
            throw new SecretsException($"{Path}: '{SopsStores.MetadataKey}' is reserved for sops metadata; choose another key");
        if (Format == SopsFormat.Dotenv && path.Count > 1)
            throw new SecretsException($"{Path}: dotenv files hold only top-level keys; use a key without '/'");
        try
        {
            KeyPath.Set(Root, path, value);
        }
        catch (FormatException ex)
        {
            throw new SecretsException($"{Path}: cannot set '{keyPath}': {ex.Message}");
        }
    }

    private IReadOnlyList<string> ParsePath(string keyPath)
    {
        try
        {
            return KeyPath.Parse(keyPath);
        }
        catch (FormatException ex)
        {
            throw new SecretsException($"{Path}: {ex.Message}");
        }
    }

    private TreeBranch AddRoot()
    {
        _branches.Add(new TreeBranch());
        return _branches[0];
    }

    private static string Children(object? node) => node switch
    {
        TreeBranch b => string.Join(", ", b.Keys.Select(k => "/" + k)),
        TreeSequence s => $"/0../{s.Values.Count() - 1}",
        _ => "",
    };

    private static bool IsLeaf(object? node) => node is not (TreeBranch or TreeSequence);

    internal static string Text(object? leaf) => leaf switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => GoFormat.Float(d),
        _ => leaf.ToString() ?? "",
    };
}
