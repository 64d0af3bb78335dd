using System.Security.Cryptography;
using Slipway.Secrets.Age;
using Slipway.Secrets.IO;
using Slipway.Secrets.Metadata;
using Slipway.Secrets.Stores;
using Slipway.Secrets.Tree;

namespace Slipway.Secrets;

public sealed partial class SopsDocument
{
    /// <summary>
    /// Writes the document back encrypted with the same data key (unchanged values keep their ciphertext),
    /// with a new lastmodified and MAC. The write is atomic and keeps the file's mode.
    /// </summary>
    public Task SaveAsync(CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        if (!_store.CanWrite)
            throw new SecretsException($"{Path}: writing {Format.ToString().ToUpperInvariant()} files is not supported; convert it to YAML, JSON or dotenv with sops");
        var encrypted = SopsTreeCrypto.EncryptAndSeal(_branches, _metadata, _dataKey, _stash);
        string text;
        try
        {
            text = _store.Emit(encrypted, _metadata.ToTree());
        }
        catch (StoreFormatException ex)
        {
            throw new SecretsException($"{Path}: {ex.Message}; change the value or use YAML or JSON");
        }
        AtomicFile.Write(Path, text, mode: null);
        SecretsLog.Saved(Path, _metadata.Age.Count);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Replaces the data key, re-encrypts every value and wraps the new key for the current recipients plus
    /// <paramref name="addRecipients"/> minus <paramref name="removeRecipients"/>, then saves (as `sops rotate`).
    /// </summary>
    public async Task RotateAsync(IEnumerable<string> addRecipients, IEnumerable<string> removeRecipients, CancellationToken ct = default)
    {
        if (_metadata.OtherKeys.Count > 0)
            throw new SecretsException($"{Path}: cannot rotate: the file is also encrypted for {string.Join(", ", _metadata.OtherKeys.Keys)} keys Slipway cannot rewrap; rotate it with `sops rotate`");
        var removed = removeRecipients.Select(r => r.Trim()).ToHashSet(StringComparer.Ordinal);
        var recipients = AgeRecipients.Concat(addRecipients.Select(r => r.Trim())).Where(r => !removed.Contains(r)).Distinct().ToList();
        new SopsCreationRule(recipients).Validate($"{Path}: rotate");
        var dataKey = RandomNumberGenerator.GetBytes(32);
        _metadata.Age = await WrapAsync(dataKey, recipients, ct);
        _dataKey = dataKey;
        _stash.Clear();
        await SaveAsync(ct);
        SecretsLog.Rotated(Path, recipients.Count);
    }

    /// <summary>
    /// Creates an encrypted file from key paths and values; the rule defaults to the matching .sops.yaml creation rule.
    /// </summary>
    public static async Task<SopsDocument> CreateAsync(string path, SopsCreationRule? rule,
        IEnumerable<KeyValuePair<string, string>> values, CancellationToken ct = default)
    {
        var document = await NewAsync(path, rule, [new TreeBranch()], ct);
        foreach (var (key, value) in values) document.Set(key, value);
        await document.SaveAsync(ct);
        return document;
    }

    /// <summary>Encrypts a plaintext YAML / JSON / dotenv / other file into a new sops file (as `sops -e`), comments included.</summary>
    public static async Task<SopsDocument> EncryptFileAsync(string plaintextPath, string encryptedPath,
        SopsCreationRule? rule = null, CancellationToken ct = default)
    {
        var format = SopsFormats.ForPath(plaintextPath);
        var branches = SopsFileReader.ReadPlain(plaintextPath, format, SopsStores.For(format));
        var document = await NewAsync(encryptedPath, rule ?? SopsConfig.CreationRuleFor(encryptedPath), branches, ct, format);
        await document.SaveAsync(ct);
        return document;
    }

    private static async Task<SopsDocument> NewAsync(string path, SopsCreationRule? rule, List<TreeBranch> branches,
        CancellationToken ct, SopsFormat? format = null)
    {
        rule ??= SopsConfig.CreationRuleFor(path);
        rule.Validate(rule.PathRegex is null ? path : $"{path} (creation rule {rule.PathRegex})");
        var chosen = format ?? SopsFormats.ForPath(path);
        var store = SopsStores.For(chosen);
        if (!store.CanWrite) throw new SecretsException($"{path}: writing {chosen.ToString().ToUpperInvariant()} files is not supported; use .yaml, .json or .env");
        var dataKey = RandomNumberGenerator.GetBytes(32);
        var metadata = new SopsMetadata { Rules = rule.ToRules(), Age = await WrapAsync(dataKey, rule.AgeRecipients, ct) };
        return new SopsDocument(path, chosen, store, branches, metadata, dataKey, new IvStash(), keySource: null);
    }

    private static async Task<List<AgeStanza>> WrapAsync(byte[] dataKey, IEnumerable<string> recipients, CancellationToken ct)
    {
        var stanzas = new List<AgeStanza>();
        foreach (var recipient in recipients)
            stanzas.Add(new AgeStanza(recipient, await AgeCli.Default.EncryptAsync(recipient, dataKey, ct)));
        return stanzas;
    }
}
