using Slipway.Secrets.Metadata;
using Slipway.Secrets.Tree;

namespace Slipway.Secrets;

/// <summary>Decrypts and verifies, or encrypts and seals, a whole file's tree with its data key.</summary>
internal static class SopsTreeCrypto
{
    /// <summary>Decrypts every value and checks the MAC; any doubt about integrity is one MAC-mismatch error.</summary>
    public static List<TreeBranch> DecryptAndVerify(string file, IEnumerable<TreeBranch> encrypted, SopsMetadata metadata, byte[] dataKey, IvStash stash)
    {
        List<TreeBranch> plain;
        string computed;
        try
        {
            (plain, computed) = new TreeCipher(metadata.Rules, dataKey, stash).Decrypt(encrypted);
        }
        catch (TreeValueException ex)
        {
            throw SecretsException.MacMismatch(file, $"{ex.KeyPath}: {ex.Problem}");
        }
        if (string.IsNullOrEmpty(metadata.Mac)) throw SecretsException.MacMismatch(file, "the file has no MAC");
        var lastModified = Rfc3339.Canonical(metadata.LastModified)
            ?? throw new SecretsException($"{file}: invalid sops metadata: lastmodified '{metadata.LastModified}' is not an RFC 3339 time; restore the file");
        object stored;
        try
        {
            stored = ValueCipher.Decrypt(metadata.Mac, dataKey, lastModified);
        }
        catch (ValueCipherException)
        {
            throw SecretsException.MacMismatch(file, "the stored MAC does not authenticate against lastmodified");
        }
        if (stored is not string mac || !string.Equals(mac, computed, StringComparison.Ordinal))
            throw SecretsException.MacMismatch(file);
        return plain;
    }

    /// <summary>Encrypts the plaintext tree and seals it: new lastmodified, the MAC encrypted under it, our version.</summary>
    public static List<TreeBranch> EncryptAndSeal(IEnumerable<TreeBranch> plain, SopsMetadata metadata, byte[] dataKey, IvStash stash)
    {
        var (encrypted, mac) = new TreeCipher(metadata.Rules, dataKey, stash).Encrypt(plain);
        metadata.LastModified = Rfc3339.Now();
        metadata.Mac = ValueCipher.Encrypt(mac, dataKey, metadata.LastModified);
        metadata.Version = SopsMetadata.WriterVersion;
        return encrypted;
    }

    /// <summary>The MAC sops would compute for this encrypted tree, for tests and diagnostics.</summary>
    public static string ComputeMac(IEnumerable<TreeBranch> encrypted, SopsMetadata metadata, byte[] dataKey) =>
        new TreeCipher(metadata.Rules, dataKey, new IvStash()).Decrypt(encrypted).Mac;
}
