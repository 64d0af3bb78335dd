using Slipway.Secrets.Tree;

namespace Slipway.Secrets.Tests.Tree;

public sealed class KeyPathTests
{
    [Fact]
    public void SlashAndSopsBracketPathsParseAlike()
    {
        Assert.Equal(["a", "b", "0"], KeyPath.Parse("a/b/0"));
        Assert.Equal(["a", "b/c", "0"], KeyPath.Parse("[\"a\"][\"b/c\"][0]"));
        Assert.Throws<FormatException>(() => KeyPath.Parse("a//b"));
    }

    [Fact]
    public void KeysWithASlashAreListedInBracketForm()
    {
        var tree = new TreeBranch { new TreeItem("a/b", "x"), new TreeItem("c", new TreeSequence { new Comment("n"), "y" }) };

        Assert.Equal(["[\"a/b\"]", "c/0"], KeyPath.Leaves(tree));
    }

    [Fact]
    public void SetCreatesMappingsAndAppendsToLists()
    {
        var tree = new TreeBranch { new TreeItem("list", new TreeSequence { "a" }) };

        KeyPath.Set(tree, ["x", "y"], "1");
        KeyPath.Set(tree, ["list", "1"], "b");

        Assert.Equal(["list/0", "list/1", "x/y"], KeyPath.Leaves(tree));
        Assert.Throws<FormatException>(() => KeyPath.Set(tree, ["list", "5"], "z"));
    }
}
