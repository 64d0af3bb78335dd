using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Slipway.Secrets.Tree;

namespace Slipway.Secrets.Tests.Tree;

public sealed class ValueCipherTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void AValueEncryptsToSopsFormatWithA32ByteIv()
    {
        var text = ValueCipher.Encrypt("s3cret", Key, "db:password:");

        var match = Regex.Match(text, @"^ENC\[AES256_GCM,data:([^,]+),iv:([^,]+),tag:([^,]+),type:str\]$");
        Assert.True(match.Success, text);
        Assert.Equal(6, Convert.FromBase64String(match.Groups[1].Value).Length);
        Assert.Equal(32, Convert.FromBase64String(match.Groups[2].Value).Length);
        Assert.Equal(16, Convert.FromBase64String(match.Groups[3].Value).Length);
    }

    [Theory]
    [InlineData("text")]
    [InlineData(42L)]
    [InlineData(2.5)]
    [InlineData(true)]
    public void EveryTypeComesBackAsItWent(object value)
    {
        Assert.Equal(value, ValueCipher.Decrypt(ValueCipher.Encrypt(value, Key, "a:"), Key, "a:"));
    }

    [Fact]
    public void AnEmptyStringStaysEmptyAndUnencrypted()
    {
        Assert.Equal("", ValueCipher.Encrypt("", Key, "a:"));
        Assert.Equal("", ValueCipher.Decrypt("", Key, "a:"));
    }

    [Fact]
    public void TheAdditionalDataBindsAValueToItsKeyPath()
    {
        var text = ValueCipher.Encrypt("s3cret", Key, "db:password:");

        Assert.Throws<ValueCipherException>(() => ValueCipher.Decrypt(text, Key, "db:user:"));
    }

    [Fact]
    public void AFlippedBitFailsAuthentication()
    {
        var text = ValueCipher.Encrypt("s3cret", Key, "a:");
        var data = Regex.Match(text, "data:([^,]+)").Groups[1].Value;
        var bytes = Convert.FromBase64String(data);
        bytes[0] ^= 1;

        Assert.Throws<ValueCipherException>(() => ValueCipher.Decrypt(text.Replace(data, Convert.ToBase64String(bytes)), Key, "a:"));
    }

    [Fact]
    public void TheStashReusesTheIvOfAnUnchangedValue()
    {
        var stash = new IvStash();
        var first = ValueCipher.Encrypt("same", Key, "a:");
        ValueCipher.Decrypt(first, Key, "a:", stash);

        Assert.Equal(first, ValueCipher.Encrypt("same", Key, "a:", stash));
        Assert.NotEqual(first, ValueCipher.Encrypt("same", Key, "b:", stash));
    }
}
