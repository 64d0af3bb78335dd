namespace Slipway.Compose.Schema;

[Flags]
internal enum NodeKinds
{
    None = 0,
    Scalar = 1,
    Sequence = 2,
    Mapping = 4,
}

/// <summary>What the subset allows at one place: the node kinds, and the keys or items below it.</summary>
internal sealed class SubsetNode(string pattern, bool isNameKeyed, int line)
{
    /// <summary>Key path with names replaced by * and list items by [] (<c>services/*/ports/[]</c>).</summary>
    public string Pattern => pattern;

    /// <summary>True for maps keyed by user-chosen names (services, environment, ...) rather than by fixed keys.</summary>
    public bool IsNameKeyed => isNameKeyed;

    /// <summary>Line of the first occurrence in the subset file, where its documenting comment sits.</summary>
    public int Line => line;

    public NodeKinds Kinds { get; set; }

    /// <summary>Fixed keys in the order the subset file documents them.</summary>
    public OrderedDictionary<string, SubsetNode> FixedKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>The schema of every entry of a name-keyed map.</summary>
    public SubsetNode? Entries { get; set; }

    public SubsetNode? Items { get; set; }

    public IEnumerable<SubsetNode> Descendants()
    {
        var children = FixedKeys.Values.Append(Entries).Append(Items).OfType<SubsetNode>();
        return children.SelectMany(child => child.Descendants().Prepend(child));
    }
}
