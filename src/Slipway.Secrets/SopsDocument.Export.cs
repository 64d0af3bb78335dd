using Slipway.Secrets.IO;
using Slipway.Secrets.Stores;
using Slipway.Secrets.Tree;

namespace Slipway.Secrets;

public sealed partial class SopsDocument
{
    /// <summary>
    /// Writes the values as a KEY=VALUE env file (mode 0600, atomic): names are the key path joined with '_'
    /// (other characters become '_'), values quoted so env_file loaders and shells read them back unchanged.
    /// With <paramref name="subtree"/> only the values under that key path are written, named relative to it.
    /// </summary>
    public void WriteDotenv(string outputPath, string? subtree = null)
    {
        var root = Root;
        if (subtree is not null)
        {
            if (!KeyPath.TryFind(Root, ParsePath(subtree), out var node, out var problem))
                throw new SecretsException($"{Path}: key path '{subtree}' not found: {problem}");
            root = node as TreeBranch ?? throw new SecretsException($"{Path}: '{subtree}' is not a mapping; name a mapping whose values become variables");
        }
        var variables = new List<KeyValuePair<string, string>>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var keyPath in KeyPath.Leaves(root))
        {
            var name = EnvName(KeyPath.Parse(keyPath));
            if (seen.TryGetValue(name, out var other))
                throw new SecretsException($"{Path}: '{other}' and '{keyPath}' both become ${name}; rename one of the keys");
            seen[name] = keyPath;
            KeyPath.TryFind(root, KeyPath.Parse(keyPath), out var leaf, out _);
            variables.Add(new(name, Text(leaf)));
        }
        AtomicFile.Write(outputPath, DotenvWriter.Render(variables), AtomicFile.OwnerOnly);
        SecretsLog.WrotePlaintext(Path, outputPath);
    }

    /// <summary>Writes the decrypted file in its own format (as `sops -d`), mode 0600, atomically.</summary>
    public void WritePlaintext(string outputPath)
    {
        string text;
        try
        {
            text = _store.Emit(_branches, metadata: null);
        }
        catch (StoreFormatException ex)
        {
            throw new SecretsException($"{Path}: {ex.Message}");
        }
        AtomicFile.Write(outputPath, text, AtomicFile.OwnerOnly);
        SecretsLog.WrotePlaintext(Path, outputPath);
    }

    /// <summary>Decrypts a file straight to a 0600 env file; on any failure nothing is written.</summary>
    public static async Task DecryptToDotenvAsync(string path, string outputPath, AgeKeySources? keys = null, string? subtree = null, CancellationToken ct = default) =>
        (await LoadAsync(path, keys, ct)).WriteDotenv(outputPath, subtree);

    private static string EnvName(IEnumerable<string> segments)
    {
        var name = new string(string.Join("_", segments).Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_').ToArray());
        return name.Length == 0 || char.IsAsciiDigit(name[0]) ? "_" + name : name;
    }
}
