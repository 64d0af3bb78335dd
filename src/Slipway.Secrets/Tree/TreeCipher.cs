using System.Security.Cryptography;
using System.Text;

namespace Slipway.Secrets.Tree;

/// <summary>A leaf that would not decrypt, with the key path that locates it.</summary>
internal sealed class TreeValueException(string keyPath, string problem) : Exception($"{keyPath}: {problem}")
{
    public string KeyPath { get; } = keyPath;
    public string Problem { get; } = problem;
}

/// <summary>
/// Walks a sops tree encrypting or decrypting its leaves and computing the MAC: SHA-512 over the plaintext
/// of every non-comment leaf in tree order (only the encrypted ones when mac_only_encrypted), hex upper-case.
/// The additional data of a leaf is its mapping keys joined by ":" plus a trailing ":"; sequence indexes are
/// not part of it, so every item of a list shares its key's path.
/// </summary>
internal sealed class TreeCipher(EncryptionRules rules, byte[] dataKey, IvStash stash)
{
    // sha256("sops"), mixed in first so a mac_only_encrypted MAC never equals a full one.
    private static readonly byte[] MacOnlyEncryptedInitialization = Convert.FromHexString(
        "8a3fd2ad54ce66527b1034f3d147be0b0b975b3bf44f72c6fdadec8176f27d69");

    public (List<TreeBranch> Tree, string Mac) Encrypt(IEnumerable<TreeBranch> plaintext) =>
        Walk(plaintext, (leaf, path, comments) =>
        {
            var isComment = leaf is Comment;
            var encrypted = rules.ShouldEncrypt(path.Keys, comments, isComment);
            var hashed = !isComment && (!rules.MacOnlyEncrypted || encrypted) ? leaf : null;
            return (encrypted ? ValueCipher.Encrypt(leaf, dataKey, path.AdditionalData, stash) : leaf, hashed);
        });

    public (List<TreeBranch> Tree, string Mac) Decrypt(IEnumerable<TreeBranch> ciphertext) =>
        Walk(ciphertext, (leaf, path, comments) =>
        {
            var isComment = leaf is Comment;
            var encrypted = rules.ShouldEncrypt(path.Keys, comments, isComment);
            var value = !encrypted ? leaf : isComment ? DecryptComment((Comment)leaf, path) : DecryptValue(leaf, path);
            var hashed = value is not Comment && (!rules.MacOnlyEncrypted || encrypted) ? value : null;
            return (value, hashed);
        });

    private object DecryptValue(object leaf, LeafPath path)
    {
        if (leaf is not string text)
            throw new TreeValueException(path.Display, "value is not encrypted although the file's rules say it should be");
        try
        {
            return ValueCipher.Decrypt(text, dataKey, path.AdditionalData, stash);
        }
        catch (ValueCipherException ex)
        {
            throw new TreeValueException(path.Display, ex.Message);
        }
    }

    // sops keeps a comment it cannot decrypt as it is (older files left comments in clear). The parent paths are
    // tried too because YAML parsers disagree on which mapping a comment between two blocks belongs to.
    private object DecryptComment(Comment comment, LeafPath path)
    {
        if (!ValueCipher.LooksEncrypted(comment.Value)) return comment;
        for (var depth = path.Keys.Count; depth >= 0; depth--)
        {
            try
            {
                return ValueCipher.Decrypt(comment.Value, dataKey, LeafPath.AdditionalDataOf(path.Keys.Take(depth)), stash);
            }
            catch (ValueCipherException)
            {
            }
        }
        return comment;
    }

    private delegate (object? Value, object? Hashed) LeafVisitor(object leaf, LeafPath path, IReadOnlyList<List<string>> comments);

    private (List<TreeBranch>, string) Walk(IEnumerable<TreeBranch> branches, LeafVisitor visit)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
        if (rules.MacOnlyEncrypted) hash.AppendData(MacOnlyEncryptedInitialization);
        var walker = new Walker(visit, hash);
        var result = branches.Select(b => walker.Branch(b, LeafPath.Root, [])).ToList();
        return (result, Convert.ToHexString(hash.GetHashAndReset()));
    }

    private sealed class Walker(LeafVisitor visit, IncrementalHash hash)
    {
        public TreeBranch Branch(TreeBranch input, LeafPath path, List<List<string>> comments)
        {
            var stack = new List<List<string>>(comments) { new() };
            var output = new TreeBranch();
            foreach (var item in input)
            {
                if (item.Key is Comment comment)
                {
                    stack[^1].Add(comment.Value);
                    output.Add(new TreeItem(AsComment(Leaf(comment, path, stack)), item.Value));
                    continue;
                }
                var key = (string)item.Key;
                output.Add(new TreeItem(key, Value(item.Value, path.Child(key), stack)));
                stack[^1] = new List<string>();
            }
            return output;
        }

        private TreeSequence Sequence(TreeSequence input, LeafPath path, List<List<string>> comments)
        {
            var stack = new List<List<string>>(comments) { new() };
            var output = new TreeSequence();
            var index = 0;
            foreach (var item in input)
            {
                if (item is Comment comment)
                {
                    stack[^1].Add(comment.Value);
                    output.Add(AsComment(Leaf(comment, path, stack)));
                    continue;
                }
                output.Add(Value(item, path.Index(index++), stack));
                stack[^1] = new List<string>();
            }
            return output;
        }

        // An encrypted comment comes back as its ENC[...] string; it stays a comment in the tree.
        private static Comment AsComment(object? walked) => walked as Comment ?? new Comment(walked?.ToString() ?? "");

        private object? Value(object? value, LeafPath path, List<List<string>> comments) => value switch
        {
            null => null,
            TreeBranch b => Branch(b, path, comments),
            TreeSequence s => Sequence(s, path, comments),
            _ => Leaf(value, path, comments),
        };

        private object? Leaf(object leaf, LeafPath path, List<List<string>> comments)
        {
            var (value, hashed) = visit(leaf, path, comments);
            if (hashed is not null) hash.AppendData(Encoding.UTF8.GetBytes(GoFormat.MacText(hashed)));
            return value;
        }
    }
}

/// <summary>Where a leaf sits: the mapping keys (for additional data) and a display path with list indexes.</summary>
internal sealed record LeafPath(IReadOnlyList<string> Keys, string Display)
{
    public static readonly LeafPath Root = new([], "");

    public string AdditionalData => AdditionalDataOf(Keys);

    public static string AdditionalDataOf(IEnumerable<string> keys) => string.Join(":", keys) + ":";

    public LeafPath Child(string key) => new([.. Keys, key], Display.Length == 0 ? key : $"{Display}/{key}");

    public LeafPath Index(int index) => this with { Display = Display.Length == 0 ? $"{index}" : $"{Display}/{index}" };
}
