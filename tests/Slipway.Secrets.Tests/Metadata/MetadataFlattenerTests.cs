using Slipway.Secrets.Metadata;
using Slipway.Secrets.Tree;

namespace Slipway.Secrets.Tests.Metadata;

public sealed class MetadataFlattenerTests
{
    [Fact]
    public void TheFlatSpellingMatchesSopsKeyNames()
    {
        var metadata = new SopsMetadata { Age = [new AgeStanza("age1x", "E\nF")], Mac = "m", LastModified = "2024-01-02T03:04:05Z" };

        var flat = MetadataFlattener.Flatten(metadata.ToTree());

        Assert.Equal(["age__list_0__map_enc", "age__list_0__map_recipient", "lastmodified", "mac", "version"], flat.Keys);
        Assert.Equal("E\nF", flat["age__list_0__map_enc"]);
    }

    [Fact]
    public void UnflatteningGivesTheMetadataBack()
    {
        var metadata = new SopsMetadata
        {
            Age = [new AgeStanza("age1x", "X"), new AgeStanza("age1y", "Y")],
            Mac = "m",
            Rules = new EncryptionRules { EncryptedRegex = "^p", MacOnlyEncrypted = true },
        };

        var back = SopsMetadata.FromTree(MetadataFlattener.Unflatten(MetadataFlattener.Flatten(metadata.ToTree())));

        Assert.Equal(metadata.Age, back.Age);
        Assert.Equal("^p", back.Rules.EncryptedRegex);
        Assert.True(back.Rules.MacOnlyEncrypted);
        Assert.Null(back.Rules.UnencryptedSuffix);
    }

    [Fact]
    public void MetadataIsWrittenSortedWithoutEmptyEntries()
    {
        var metadata = new SopsMetadata { Age = [new AgeStanza("age1x", "X")], Mac = "m" };

        var keys = metadata.ToTree().Select(i => (string)i.Key);

        Assert.Equal(["age", "lastmodified", "mac", "version"], keys);
    }

    [Fact]
    public void AFileWithoutRulesFallsBackToTheUnencryptedSuffix()
    {
        var tree = new TreeBranch { new TreeItem("lastmodified", "2024-01-02T03:04:05Z"), new TreeItem("mac", "m"), new TreeItem("pgp", new TreeSequence()) };

        var metadata = SopsMetadata.FromTree(tree);

        Assert.Equal("_unencrypted", metadata.Rules.UnencryptedSuffix);
        Assert.Empty(metadata.OtherKeys);
    }

    [Theory]
    [InlineData("2022-03-15T22:11:15Z", "2022-03-15T22:11:15Z")]
    [InlineData("2022-03-15T22:11:15.123Z", "2022-03-15T22:11:15Z")]
    [InlineData("2022-03-15T23:11:15+01:00", "2022-03-15T23:11:15+01:00")]
    [InlineData("yesterday", null)]
    public void LastModifiedIsReprintedLikeGoRfc3339(string text, string? expected)
    {
        Assert.Equal(expected, Rfc3339.Canonical(text));
    }
}
