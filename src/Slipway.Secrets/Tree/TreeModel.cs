namespace Slipway.Secrets.Tree;

// The sops tree: ordered mappings (TreeBranch), sequences (TreeSequence) and scalar leaves
// (string, long, double, bool, null). Comments are leaves too, as sops keeps them: a Comment
// key with a null value inside a mapping, or a Comment item inside a sequence.

internal sealed record Comment(string Value);

internal sealed class TreeItem(object key, object? value)
{
    /// <summary>A string key, or a <see cref="Comment"/>.</summary>
    public object Key { get; set; } = key;

    public object? Value { get; set; } = value;
}

internal sealed class TreeBranch : List<TreeItem>
{
    public TreeBranch() { }

    public TreeBranch(IEnumerable<TreeItem> items) : base(items) { }

    public TreeItem? Find(string key) => this.FirstOrDefault(i => i.Key is string k && k == key);

    public IEnumerable<string> Keys => this.Select(i => i.Key).OfType<string>();
}

internal sealed class TreeSequence : List<object?>
{
    public TreeSequence() { }

    public TreeSequence(IEnumerable<object?> items) : base(items) { }

    /// <summary>The items that are values, without the comments between them.</summary>
    public IEnumerable<object?> Values => this.Where(v => v is not Comment);
}

internal static class TreeCopy
{
    public static object? Deep(object? value) => value switch
    {
        TreeBranch b => new TreeBranch(b.Select(i => new TreeItem(i.Key, Deep(i.Value)))),
        TreeSequence s => new TreeSequence(s.Select(Deep)),
        _ => value,
    };

    public static List<TreeBranch> Deep(IEnumerable<TreeBranch> branches) =>
        branches.Select(b => (TreeBranch)Deep(b)!).ToList();
}
