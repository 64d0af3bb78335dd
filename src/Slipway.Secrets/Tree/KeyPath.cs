using System.Globalization;
using System.Text;

namespace Slipway.Secrets.Tree;

/// <summary>
/// Names a value in a tree: "app2/db/password", "an_array/0", or sops' own ["app2"]["db"]["password"] form
/// (needed when a key contains '/'). Numbers index sequences; in a mapping they are ordinary keys.
/// </summary>
internal static class KeyPath
{
    public static IReadOnlyList<string> Parse(string path)
    {
        var trimmed = path.Trim();
        if (trimmed.StartsWith('[')) return ParseBrackets(trimmed);
        var parts = trimmed.Split('/');
        if (trimmed.Length == 0 || parts.Any(p => p.Length == 0))
            throw new FormatException($"'{path}' is not a key path; write it like app/db/password or [\"app\"][\"db\"]");
        return parts;
    }

    public static string Format(IEnumerable<string> segments)
    {
        var list = segments.ToList();
        return list.Any(s => s.Contains('/') || s.StartsWith('[') || s.Length == 0)
            ? string.Concat(list.Select(s => "[\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"]"))
            : string.Join("/", list);
    }

    /// <summary>Every leaf's key path in tree order; comments and empty collections have none.</summary>
    public static IEnumerable<string> Leaves(TreeBranch branch) => Leaves(branch, []).Select(Format);

    private static IEnumerable<List<string>> Leaves(object? node, List<string> prefix)
    {
        switch (node)
        {
            case TreeBranch b:
                foreach (var item in b.Where(i => i.Key is string))
                    foreach (var leaf in Leaves(item.Value, [.. prefix, (string)item.Key]))
                        yield return leaf;
                break;
            case TreeSequence s:
                var index = 0;
                foreach (var item in s.Values)
                    foreach (var leaf in Leaves(item, [.. prefix, (index++).ToString(CultureInfo.InvariantCulture)]))
                        yield return leaf;
                break;
            default:
                yield return prefix;
                break;
        }
    }

    /// <summary>Finds the node at the path, or says how far it got and which names were valid there.</summary>
    public static bool TryFind(TreeBranch root, IReadOnlyList<string> path, out object? node, out string problem)
    {
        node = root;
        for (var i = 0; i < path.Count; i++)
        {
            var here = Format(path.Take(i));
            switch (node)
            {
                case TreeBranch b when b.Find(path[i]) is { } item:
                    node = item.Value;
                    break;
                case TreeBranch b:
                    problem = $"no key '{path[i]}'{(i > 0 ? $" under {here}" : "")}; keys there: {Names(b.Keys)}";
                    return false;
                case TreeSequence s when int.TryParse(path[i], out var index) && index >= 0 && index < s.Values.Count():
                    node = s.Values.ElementAt(index);
                    break;
                case TreeSequence s:
                    problem = $"{here} is a list of {s.Values.Count()} items; index it with 0..{s.Values.Count() - 1}";
                    return false;
                default:
                    problem = $"{here} is a value, it has no key '{path[i]}'";
                    return false;
            }
        }
        problem = "";
        return true;
    }

    /// <summary>Sets the leaf at the path, creating mappings on the way (as `sops set` does).</summary>
    public static void Set(TreeBranch root, IReadOnlyList<string> path, object? value)
    {
        object container = root;
        for (var i = 0; i < path.Count; i++)
        {
            var last = i == path.Count - 1;
            container = container switch
            {
                TreeBranch b => Step(b, path[i], last, value),
                TreeSequence s => Step(s, path[i], last, value, Format(path.Take(i))),
                _ => throw new FormatException($"{Format(path.Take(i))} is a value, it cannot hold '{path[i]}'"),
            };
        }
    }

    private static object Step(TreeBranch branch, string key, bool last, object? value)
    {
        var item = branch.Find(key);
        if (item is null) branch.Add(item = new TreeItem(key, last ? value : new TreeBranch()));
        else if (last) item.Value = value;
        else if (item.Value is not (TreeBranch or TreeSequence)) item.Value = new TreeBranch();
        return item.Value!;
    }

    private static object Step(TreeSequence sequence, string segment, bool last, object? value, string here)
    {
        var positions = sequence.Select((v, i) => (v, i)).Where(p => p.v is not Comment).Select(p => p.i).ToList();
        if (!int.TryParse(segment, out var index) || index < 0 || index > positions.Count)
            throw new FormatException($"{here} is a list of {positions.Count} items; use an index 0..{positions.Count}");
        if (index == positions.Count)
        {
            sequence.Add(last ? value : new TreeBranch());
            return sequence[^1]!;
        }
        var at = positions[index];
        if (last) sequence[at] = value;
        else if (sequence[at] is not (TreeBranch or TreeSequence)) sequence[at] = new TreeBranch();
        return sequence[at]!;
    }

    private static string Names(IEnumerable<string> keys)
    {
        var list = keys.ToList();
        return list.Count == 0 ? "(none)" : string.Join(", ", list);
    }

    private static IReadOnlyList<string> ParseBrackets(string path)
    {
        var segments = new List<string>();
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] != '[') throw new FormatException($"'{path}' is not a key path; expected '[' at {i + 1}");
            i++;
            if (i < path.Length && path[i] == '"')
            {
                var sb = new StringBuilder();
                for (i++; i < path.Length && path[i] != '"'; i++)
                    sb.Append(path[i] == '\\' && i + 1 < path.Length ? path[++i] : path[i]);
                segments.Add(sb.ToString());
                i++;
            }
            else
            {
                var close = path.IndexOf(']', i);
                if (close < 0) throw new FormatException($"'{path}' is not a key path; missing ']'");
                segments.Add(path[i..close].Trim());
                i = close;
            }
            if (i >= path.Length || path[i] != ']') throw new FormatException($"'{path}' is not a key path; missing ']'");
            i++;
        }
        return segments;
    }
}
