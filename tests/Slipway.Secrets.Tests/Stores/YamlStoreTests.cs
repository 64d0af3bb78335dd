using Slipway.Secrets.Stores;
using Slipway.Secrets.Tree;

namespace Slipway.Secrets.Tests.Stores;

public sealed class YamlStoreTests
{
    private static TreeBranch Read(string yaml) => new YamlStore().Parse(yaml).Branches[0];

    [Fact]
    public void PlainScalarsAreTypedLikeYamlV3()
    {
        var tree = Read("a: 1\nb: 1.5\nc: true\nd: yes\ne: '1'\nf: ~\ng: 2024-01-01\nh: 0x10\ni: \"true\"\n");

        Assert.Equal<object?>([1L, 1.5, true, "yes", "1", null, "2024-01-01", 16L, "true"], tree.Select(i => i.Value));
    }

    [Fact]
    public void CommentsLandInTheCollectionTheyAreIndentedIn()
    {
        var tree = Read("# head\napp:\n    db:\n        user: x\n        # inner\n    # outer\n    key: y\nlist:\n- a\n# between\n- b\n");

        var app = (TreeBranch)tree.Find("app")!.Value!;
        var db = (TreeBranch)app.Find("db")!.Value!;
        Assert.Equal(new Comment(" head"), tree[0].Key);
        Assert.Equal(new Comment(" inner"), db[^1].Key);
        Assert.Equal(new Comment(" outer"), app[1].Key);
        Assert.Equal(new Comment(" between"), ((TreeSequence)tree.Find("list")!.Value!)[1]);
    }

    [Fact]
    public void CommentsOfTheSopsWrittenFixtureLandWhereSopsEncryptedThem()
    {
        // sops bound each encrypted comment to its collection's key path; reading must find the same collection
        var tree = new YamlStore().Parse(File.ReadAllText(Support.Fixtures.Path("age/example.yaml"))).Branches[0];

        var db = (TreeBranch)((TreeBranch)tree.Find("app2")!.Value!).Find("db")!.Value!;
        var nested = (TreeBranch)KeyPathNode(tree, "this", "is", "a", "nested");
        Assert.Single(db, i => i.Key is Comment);
        Assert.Equal(3, nested.Count(i => i.Key is Comment));
    }

    private static object KeyPathNode(TreeBranch tree, params string[] path)
    {
        KeyPath.TryFind(tree, path, out var node, out _);
        return node!;
    }

    [Fact]
    public void AnchorsAndAliasesAreExpanded()
    {
        var tree = Read("base: &b {x: 1}\ncopy: *b\n");

        Assert.Equal(1L, ((TreeBranch)tree.Find("copy")!.Value!).Find("x")!.Value);
    }

    [Fact]
    public void WritingAndReadingBackKeepsEveryValueAndType()
    {
        var source = "s: \"true\"\nn: 12\nf: 0.25\nm: |\n    line1\n    line2\nq: 'a: b # c'\nempty: \"\"\nlist:\n    - x\n    - k: v\n      k2: v2\nnone: null\n";
        var store = new YamlStore();

        var written = store.Emit(store.Parse(source).Branches, null);

        var again = store.Parse(written).Branches[0];
        Assert.Equal(Read(source).Select(i => i.Key), again.Select(i => i.Key));
        Assert.Equal("true", again.Find("s")!.Value);
        Assert.Equal("line1\nline2\n", again.Find("m")!.Value);
        Assert.Equal("a: b # c", again.Find("q")!.Value);
        Assert.Equal(["list/0", "list/1/k", "list/1/k2"], KeyPath.Leaves(again).Where(k => k.StartsWith("list")));
        Assert.Equal(written, store.Emit([again], null));
    }

    [Fact]
    public void EveryDocumentOfAMultiDocumentFileIsKept()
    {
        var parsed = new YamlStore().Parse("a: 1\nsops: {mac: m}\n---\nb: 2\nsops: {mac: m}\n");

        Assert.Equal(2, parsed.Branches.Count);
        Assert.Equal("m", parsed.Metadata!.Find("mac")!.Value);
        Assert.All(parsed.Branches, b => Assert.Null(b.Find("sops")));
    }

    [Fact]
    public void ASequenceDocumentIsRefusedWithItsPosition()
    {
        var ex = Assert.Throws<StoreFormatException>(() => Read("- a\n- b\n"));

        Assert.Equal((1, 1), (ex.Line, ex.Column));
    }
}
