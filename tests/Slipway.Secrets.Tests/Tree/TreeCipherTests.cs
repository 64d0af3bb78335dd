using System.Security.Cryptography;
using System.Text;
using Slipway.Secrets.Tree;

namespace Slipway.Secrets.Tests.Tree;

public sealed class TreeCipherTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    private static TreeBranch Sample() =>
    [
        new TreeItem(new Comment(" top"), null),
        new TreeItem("name", "web"),
        new TreeItem("port", 8080L),
        new TreeItem("ratio", 0.5),
        new TreeItem("on", true),
        new TreeItem("nothing", null),
        new TreeItem("list", new TreeSequence { "a", new Comment("c"), "b" }),
        new TreeItem("host_unencrypted", "h"),
    ];

    [Fact]
    public void TheMacIsSha512OverEveryLeafInOrderLikeSops()
    {
        var rules = new EncryptionRules().WithDefault();

        var (_, mac) = new TreeCipher(rules, Key, new IvStash()).Encrypt([Sample()]);

        var expected = Convert.ToHexString(SHA512.HashData(Encoding.UTF8.GetBytes("web" + "8080" + "0.5" + "True" + "a" + "b" + "h")));
        Assert.Equal(expected, mac);
    }

    [Fact]
    public void MacOnlyEncryptedHashesOnlyEncryptedLeavesAfterAFixedPrefix()
    {
        var rules = new EncryptionRules { MacOnlyEncrypted = true }.WithDefault();

        var (_, mac) = new TreeCipher(rules, Key, new IvStash()).Encrypt([Sample()]);

        var prefix = SHA256.HashData("sops"u8.ToArray());
        var expected = Convert.ToHexString(SHA512.HashData([.. prefix, .. Encoding.UTF8.GetBytes("web8080" + "0.5" + "True" + "ab")]));
        Assert.Equal(expected, mac);
    }

    [Fact]
    public void ListItemsShareTheirKeysAdditionalData()
    {
        var (tree, _) = new TreeCipher(new EncryptionRules().WithDefault(), Key, new IvStash()).Encrypt([Sample()]);

        var list = (TreeSequence)tree[0].Find("list")!.Value!;
        Assert.Equal("b", ValueCipher.Decrypt((string)list[2]!, Key, "list:"));
        Assert.Equal(new Comment("c"), ValueCipher.Decrypt(((Comment)list[1]!).Value, Key, "list:"));
        Assert.Equal(new Comment(" top"), ValueCipher.Decrypt(((Comment)tree[0][0].Key).Value, Key, ":"));
        Assert.Equal("h", tree[0].Find("host_unencrypted")!.Value);
        Assert.Null(tree[0].Find("nothing")!.Value);
    }

    [Fact]
    public void DecryptingGivesBackTheTreeAndTheSameMac()
    {
        var cipher = new TreeCipher(new EncryptionRules().WithDefault(), Key, new IvStash());
        var (encrypted, mac) = cipher.Encrypt([Sample()]);

        var (plain, again) = cipher.Decrypt(encrypted);

        Assert.Equal(mac, again);
        Assert.Equal(8080L, plain[0].Find("port")!.Value);
        Assert.Equal(new Comment(" top"), plain[0][0].Key);
    }

    [Theory]
    [InlineData("^pass", "password", true)]
    [InlineData("^pass", "user", false)]
    public void EncryptedRegexEncryptsOnlyMatchingKeys(string regex, string key, bool encrypted)
    {
        var rules = new EncryptionRules { EncryptedRegex = regex };

        Assert.Equal(encrypted, rules.ShouldEncrypt([key], [[]], isComment: false));
    }

    [Fact]
    public void EncryptedCommentRegexEncryptsWhatFollowsTheMarkerButNotTheMarker()
    {
        var rules = new EncryptionRules { EncryptedCommentRegex = "sops:enc" };

        Assert.False(rules.ShouldEncrypt([], [["sops:enc"]], isComment: true));
        Assert.True(rules.ShouldEncrypt(["key"], [["sops:enc"]], isComment: false));
        Assert.False(rules.ShouldEncrypt(["key"], [[]], isComment: false));
    }
}
