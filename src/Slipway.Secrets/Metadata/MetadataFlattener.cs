using System.Globalization;
using Slipway.Secrets.Tree;

namespace Slipway.Secrets.Metadata;

/// <summary>
/// The flat spelling of the `sops:` block used by dotenv and INI files: nested keys joined with "__map_",
/// list items with "__list_N", e.g. age__list_0__map_recipient (sops' stores.Flatten / Unflatten).
/// </summary>
internal static class MetadataFlattener
{
    private const string MapSeparator = "__map_";
    private const string ListSeparator = "__list_";

    public static SortedDictionary<string, string> Flatten(TreeBranch metadata)
    {
        var flat = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in metadata.Where(i => i.Key is string))
            Add(flat, (string)item.Key, item.Value);
        return flat;
    }

    private static void Add(SortedDictionary<string, string> flat, string prefix, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case TreeBranch branch:
                foreach (var item in branch.Where(i => i.Key is string))
                    Add(flat, prefix + MapSeparator + (string)item.Key, item.Value);
                return;
            case TreeSequence sequence:
                var index = 0;
                foreach (var item in sequence.Values)
                    Add(flat, prefix + ListSeparator + (index++).ToString(CultureInfo.InvariantCulture), item);
                return;
            case bool b:
                flat[prefix] = b ? "true" : "false";
                return;
            default:
                flat[prefix] = GoFormat.MacText(value);
                return;
        }
    }

    public static TreeBranch Unflatten(IEnumerable<KeyValuePair<string, string>> flat)
    {
        var root = new TreeBranch();
        foreach (var (key, value) in flat)
        {
            var tokens = Tokenize(key);
            object container = root;
            for (var i = 0; i < tokens.Count; i++)
                container = Step(container, tokens[i], i + 1 < tokens.Count ? tokens[i + 1] : null, value);
        }
        return root;
    }

    private static object Step(object container, object token, object? next, string value)
    {
        object? Create() => next switch { null => value, int => new TreeSequence(), _ => new TreeBranch() };
        if (container is TreeBranch branch && token is string key)
        {
            var item = branch.Find(key);
            if (item is null) branch.Add(item = new TreeItem(key, Create()));
            else if (next is null) item.Value = value;
            return item.Value!;
        }
        if (container is TreeSequence sequence && token is int index)
        {
            while (sequence.Count <= index) sequence.Add(null);
            if (sequence[index] is null || next is null) sequence[index] = Create();
            return sequence[index]!;
        }
        throw new MetadataException("sops metadata mixes list and map entries under one flattened key");
    }

    private static List<object> Tokenize(string key)
    {
        var tokens = new List<object>();
        var rest = key;
        var state = 0; // 0: top-level name, 1: map key, 2: list index
        while (true)
        {
            var map = rest.IndexOf(MapSeparator, StringComparison.Ordinal);
            var list = rest.IndexOf(ListSeparator, StringComparison.Ordinal);
            var cut = new[] { map, list }.Where(i => i >= 0).DefaultIfEmpty(-1).Min();
            var part = cut < 0 ? rest : rest[..cut];
            tokens.Add(state == 2 ? int.Parse(part, CultureInfo.InvariantCulture) : part);
            if (cut < 0) return tokens;
            state = cut == map ? 1 : 2;
            rest = rest[(cut + (state == 1 ? MapSeparator.Length : ListSeparator.Length))..];
        }
    }
}
