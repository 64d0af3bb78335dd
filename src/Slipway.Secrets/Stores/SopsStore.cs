using Slipway.Secrets.Tree;

namespace Slipway.Secrets.Stores;

/// <summary>A file's documents with the `sops:` block taken out (null for a plaintext file).</summary>
internal sealed record ParsedFile(List<TreeBranch> Branches, TreeBranch? Metadata);

/// <summary>The file is not valid in its format; Line and Column are 1-based, 0 when unknown.</summary>
internal sealed class StoreFormatException(string problem, int line = 0, int column = 0) : Exception(problem)
{
    public int Line { get; } = line;
    public int Column { get; } = column;

    public string Where(string file) => Line > 0 ? $"{file}:{Line}:{Column}" : file;
}

/// <summary>Reads and writes one file format of sops' (sops' stores package).</summary>
internal interface ISopsStore
{
    bool CanWrite { get; }

    ParsedFile Parse(string text);

    /// <summary>Reads a plaintext input to encrypt; only the binary store reads it differently.</summary>
    List<TreeBranch> ParsePlain(string text)
    {
        var parsed = Parse(text);
        if (parsed.Metadata is not null) throw new StoreFormatException("the file is already encrypted (it has a `sops` entry)");
        return parsed.Branches;
    }

    /// <summary>Writes the documents; with metadata for an encrypted file, without it for plaintext output.</summary>
    string Emit(IReadOnlyList<TreeBranch> branches, TreeBranch? metadata);
}

internal static class SopsStores
{
    public const string MetadataKey = "sops";

    public static ISopsStore For(SopsFormat format) => format switch
    {
        SopsFormat.Yaml => new YamlStore(),
        SopsFormat.Json => new JsonStore(),
        SopsFormat.Dotenv => new DotenvStore(),
        SopsFormat.Ini => new IniStore(),
        _ => new BinaryStore(),
    };

    /// <summary>Takes the `sops` entry out of every document; the first one's is the file's metadata.</summary>
    public static ParsedFile SplitMetadata(List<TreeBranch> branches)
    {
        TreeBranch? metadata = null;
        foreach (var branch in branches)
        {
            var item = branch.Find(MetadataKey);
            if (item is null) continue;
            metadata ??= item.Value as TreeBranch ?? throw new StoreFormatException("the `sops` entry is not a mapping");
            branch.Remove(item);
        }
        return new ParsedFile(branches, metadata);
    }
}
