using Slipway.Secrets.Metadata;
using Slipway.Secrets.Tree;

namespace Slipway.Secrets.Stores;

/// <summary>
/// INI files, read-only: each section is a mapping of string values (keys before any section go to DEFAULT),
/// a comment above a section or key is kept with it, and the metadata is the flattened [sops] section.
/// </summary>
internal sealed class IniStore : ISopsStore
{
    private sealed record Section(string Name, TreeBranch Items);

    public bool CanWrite => false;

    public string Emit(IReadOnlyList<TreeBranch> branches, TreeBranch? metadata) =>
        throw new StoreFormatException("writing INI files is not supported; use YAML, JSON or dotenv");

    public ParsedFile Parse(string text)
    {
        var sections = ReadSections(text.ReplaceLineEndings("\n").Split('\n'));
        var branch = new TreeBranch(sections.Where(s => s.Name != "DEFAULT" || s.Items.Count > 0)
            .Select(s => new TreeItem(s.Name, s.Items)));
        var sops = branch.Find(SopsStores.MetadataKey);
        if (sops is null) return new ParsedFile([branch], null);
        branch.Remove(sops);
        var flat = ((TreeBranch)sops.Value!).Where(i => i.Key is string)
            .Select(i => new KeyValuePair<string, string>((string)i.Key, ((string)i.Value!).Replace("\\n", "\n")));
        return new ParsedFile([branch], MetadataFlattener.Unflatten(flat));
    }

    // A comment above a section or key belongs to it; sops puts it first in the section, or right after the key.
    private static List<Section> ReadSections(string[] lines)
    {
        var sections = new List<Section> { new("DEFAULT", []) };
        string? comment = null;
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].Trim();
            if (line.Length == 0) continue;
            if (line[0] is ';' or '#')
            {
                comment = comment is null ? line : comment + "\n" + line;
                continue;
            }
            if (line[0] == '[')
            {
                if (!line.EndsWith(']')) throw new StoreFormatException("unclosed section header", n + 1, 1);
                sections.Add(new Section(line[1..^1].Trim(), []));
            }
            else
            {
                var (key, value) = KeyValue(lines, ref n);
                sections[^1].Items.Add(new TreeItem(key, value));
            }
            if (comment is not null) sections[^1].Items.Add(new TreeItem(new Comment(StripCommentChar(comment)), null));
            comment = null;
        }
        return sections;
    }

    // go-ini: "key = value" or "key: value", """triple-quoted""" values may span lines, ';'/'#' start an inline comment.
    private static (string Key, string Value) KeyValue(string[] lines, ref int n)
    {
        var line = lines[n].Trim();
        var cut = line.IndexOfAny(['=', ':']);
        if (cut < 0) throw new StoreFormatException("invalid INI line, expected key = value", n + 1, 1);
        var key = line[..cut].Trim();
        var value = line[(cut + 1)..].TrimStart();
        if (value.StartsWith("\"\"\"", StringComparison.Ordinal))
        {
            var parts = new List<string> { value[3..] };
            while (!parts[^1].Contains("\"\"\"", StringComparison.Ordinal) && ++n < lines.Length) parts.Add(lines[n]);
            var joined = string.Join("\n", parts);
            var end = joined.IndexOf("\"\"\"", StringComparison.Ordinal);
            return (key, end < 0 ? joined : joined[..end]);
        }
        var hash = value.IndexOfAny([';', '#']);
        if (hash >= 0) value = value[..hash].TrimEnd();
        if (value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0]) value = value[1..^1];
        return (key, value);
    }

    private static string StripCommentChar(string comment) =>
        comment.StartsWith(';') ? comment.TrimStart(';', ' ') : comment.TrimStart('#', ' ');
}
