using System.Text;
using Slipway.Secrets.Metadata;
using Slipway.Secrets.Tree;

namespace Slipway.Secrets.Stores;

/// <summary>
/// sops' dotenv format: KEY=VALUE lines split at the first '=', nothing trimmed or unquoted, "\n" escapes
/// for newlines, '#' comment lines, and the metadata flattened into sops_* keys.
/// </summary>
internal sealed class DotenvStore : ISopsStore
{
    private const string Prefix = SopsStores.MetadataKey + "_";

    public bool CanWrite => true;

    public ParsedFile Parse(string text)
    {
        var branch = new TreeBranch();
        var metadata = new List<KeyValuePair<string, string>>();
        var lines = text.Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n];
            if (line.Length == 0) continue;
            if (line[0] == '#')
            {
                branch.Add(new TreeItem(new Comment(line[1..]), null));
                continue;
            }
            var eq = line.IndexOf('=');
            if (eq < 0) throw new StoreFormatException("invalid dotenv line, expected KEY=VALUE", n + 1, 1);
            var (key, value) = (line[..eq], line[(eq + 1)..].Replace("\\n", "\n"));
            if (key.StartsWith(Prefix, StringComparison.Ordinal)) metadata.Add(new(key[Prefix.Length..], value));
            else branch.Add(new TreeItem(key, value));
        }
        return new ParsedFile([branch], metadata.Count == 0 ? null : MetadataFlattener.Unflatten(metadata));
    }

    public string Emit(IReadOnlyList<TreeBranch> branches, TreeBranch? metadata)
    {
        var sb = new StringBuilder();
        foreach (var item in branches[0])
        {
            if (item.Key is Comment comment)
            {
                sb.Append('#').Append(comment.Value).Append('\n');
                continue;
            }
            if (item.Value is TreeBranch or TreeSequence)
                throw new StoreFormatException($"cannot put the nested value `{item.Key}` in a dotenv file");
            sb.Append((string)item.Key).Append('=').Append(Escape(item.Value)).Append('\n');
        }
        if (metadata is not null)
        {
            foreach (var (key, value) in MetadataFlattener.Flatten(metadata))
                sb.Append(Prefix).Append(key).Append('=').Append(value.Replace("\n", "\\n")).Append('\n');
        }
        return sb.ToString();
    }

    private static string Escape(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        _ => GoFormat.MacText(value).Replace("\n", "\\n"),
    };
}
