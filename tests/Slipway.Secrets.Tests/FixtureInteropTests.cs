using Slipway.Secrets.Metadata;
using Slipway.Secrets.Stores;
using Slipway.Secrets.Tests.Support;
using Slipway.Secrets.Tree;

namespace Slipway.Secrets.Tests;

// Files written by the real sops binary (3.7.1, two age recipients) decrypt with the published test keys.
// The expected values were checked once by hand with an independent implementation (Python cryptography +
// the age CLI); loading succeeds only if every value authenticates and the MAC recomputes.
public sealed class FixtureInteropTests
{
    public FixtureInteropTests() => AgeTool.Require();

    [Fact]
    public async Task TheAgeYamlFixtureDecryptsToItsKnownValues()
    {
        var doc = await SopsDocument.LoadAsync(Fixtures.Path("age/example.yaml"), KeySourcesFor.FixtureKeys);

        Assert.Equal("t00m4nys3cr3tzupdated", doc.Get("myapp1").Reveal());
        Assert.Equal("eve", doc.Get("app2/db/user").Reveal());
        Assert.Equal("c4r1b0u", doc.Get("app2/db/password").Reveal());
        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----\nMIIBPAIBAAJBAPTMNIyHuZtpLYc7", doc.Get("app2/key").Reveal());
        Assert.Equal("1234568000", doc.Get("number").Reveal());
        Assert.Equal("somelongvalueAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", doc.Get("an_array/2").Reveal());
        Assert.Equal("true", doc.Get("somebooleans/0").Reveal());
        Assert.Equal("false", doc.Get("somebooleans/1").Reveal());
        Assert.Equal("with something secret in it", doc.Get("this/is/a/nested/value").Reveal());
        Assert.Equal("going to remain in clear text", doc.Get("nested_unencrypted/this/is/all").Reveal());
        Assert.Equal(Fixtures.AgeRecipients, doc.AgeRecipients);
    }

    [Fact]
    public async Task TheAgeYamlFixtureHasTheSameKeysAsItsPgpTwin()
    {
        var doc = await SopsDocument.LoadAsync(Fixtures.Path("age/example.yaml"), KeySourcesFor.FixtureKeys);

        Assert.Equal(SopsDocument.ListKeys(Fixtures.Path("pgp/example.yaml")), doc.Keys);
    }

    [Fact]
    public async Task TheAgeYamlFixtureCommentsDecryptToo()
    {
        using var dir = new TempDir();
        var doc = await SopsDocument.LoadAsync(Fixtures.Path("age/example.yaml"), KeySourcesFor.FixtureKeys);

        doc.WritePlaintext(dir.File("plain.yaml"));

        var plain = File.ReadAllText(dir.File("plain.yaml"));
        Assert.Contains("# private key for secret operations in app2", plain);
        Assert.Contains("# by adding the `_unencrypted` suffix", plain);
        Assert.DoesNotContain("ENC[", plain);
    }

    [Fact]
    public async Task TheAgeJsonFixtureDecryptsToItsKnownValues()
    {
        var doc = await SopsDocument.LoadAsync(Fixtures.Path("age/example.json"), KeySourcesFor.FixtureKeys);

        Assert.Equal("John", doc.Get("firstName").Reveal());
        Assert.Equal("25.4", doc.Get("age").Reveal());
        Assert.Equal("10021-3100", doc.Get("address/postalCode").Reveal());
        Assert.Equal("646 555-4567", doc.Get("phoneNumbers/1/number").Reveal());
        Assert.Equal("", doc.Get("anEmptyValue").Reveal());
        Assert.Equal(SopsDocument.ListKeys(Fixtures.Path("pgp/example.json")), doc.Keys);
    }

    [Fact]
    public async Task TheAgeIniFixtureDecryptsToItsKnownValues()
    {
        var doc = await SopsDocument.LoadAsync(Fixtures.Path("age/example.ini"), KeySourcesFor.FixtureKeys);

        Assert.Equal("Smith", doc.Get("name/lastName").Reveal());
        Assert.Equal("25.4", doc.Get("name/age").Reveal());
        Assert.Equal("212 555-1234", doc.Get("phoneNumbers/home").Reveal());
        Assert.Equal("hi there!", doc.Get("not private/notsecret_unencrypted").Reveal());
        Assert.Equal(SopsDocument.ListKeys(Fixtures.Path("pgp/example.ini")), doc.Keys);
    }

    [Fact]
    public async Task TheAgeBinaryFixtureDecryptsToItsText()
    {
        using var dir = new TempDir();
        var doc = await SopsDocument.LoadAsync(Fixtures.Path("age/example.txt"), KeySourcesFor.FixtureKeys);

        doc.WritePlaintext(dir.File("example.txt"));

        Assert.StartsWith("Welcome to SOPS!\n\nSOPS is a manager of encrypted files", File.ReadAllText(dir.File("example.txt")));
    }

    [Theory]
    [InlineData("age/example.yaml")]
    [InlineData("age/example.json")]
    [InlineData("age/example.ini")]
    [InlineData("age/example.txt")]
    public async Task EachAgeFixtureMacRecomputesFromItsValues(string fixture)
    {
        // Given the data key, unwrapped with the age CLI itself
        var file = SopsFileReader.ReadEncrypted(Fixtures.Path(fixture));
        var (_, dataKey, _) = AgeTool.Run("age", ["-d", "-i", Fixtures.KeysFile], file.Metadata.Age[0].Enc);

        // When the MAC is computed over the decrypted values
        var computed = SopsTreeCrypto.ComputeMac(file.Branches, file.Metadata, dataKey);

        // Then it is the one sops stored, encrypted under lastmodified
        Assert.Equal(computed, ValueCipher.Decrypt(file.Metadata.Mac!, dataKey, file.Metadata.LastModified));
    }

    [Fact]
    public void TheFixturesEncryptedCommentsOpenWithTheKeyPathOfTheCollectionWeReadThemInto()
    {
        var file = SopsFileReader.ReadEncrypted(Fixtures.Path("age/example.yaml"));
        var (_, dataKey, _) = AgeTool.Run("age", ["-d", "-i", Fixtures.KeysFile], file.Metadata.Age[0].Enc);

        var db = (TreeBranch)Node(file.Branches[0], "app2", "db");
        var nested = (TreeBranch)Node(file.Branches[0], "this", "is", "a", "nested");

        var inDb = db.Select(i => i.Key).OfType<Comment>().Select(c => ValueCipher.Decrypt(c.Value, dataKey, "app2:db:"));
        var inNested = nested.Select(i => i.Key).OfType<Comment>().Select(c => ValueCipher.Decrypt(c.Value, dataKey, "this:is:a:nested:"));
        Assert.Equal([new Comment(" private key for secret operations in app2")], inDb);
        Assert.Equal(3, inNested.Count());
    }

    private static object Node(TreeBranch tree, params string[] path)
    {
        KeyPath.TryFind(tree, path, out var node, out _);
        return node!;
    }

    [Fact]
    public void TheIniFixtureMetadataUnflattensToTwoAgeStanzas()
    {
        var file = SopsFileReader.ReadEncrypted(Fixtures.Path("age/example.ini"));

        Assert.Equal(Fixtures.AgeRecipients, file.Metadata.Age.Select(a => a.Recipient));
        Assert.All(file.Metadata.Age, a => Assert.StartsWith("-----BEGIN AGE ENCRYPTED FILE-----\n", a.Enc));
        Assert.Equal("_unencrypted", file.Metadata.Rules.UnencryptedSuffix);
    }

    [Fact]
    public async Task TheMockAgeVectorUnwrapsToDataThroughOurWrapper()
    {
        var identity = File.ReadAllText(Fixtures.Path("age-vectors/mock_identity.txt"));
        var armored = File.ReadAllText(Fixtures.Path("age-vectors/mock_encrypted_key.age"));

        var key = await Age.AgeCli.Default.DecryptAsync(identity, armored);

        Assert.Equal("data", System.Text.Encoding.ASCII.GetString(key!));
    }

    [Fact]
    public async Task TheMockAgeVectorDoesNotOpenWithAnotherIdentity()
    {
        var other = File.ReadAllText(Fixtures.Path("age-vectors/mock_other_identity.txt"));
        var armored = File.ReadAllText(Fixtures.Path("age-vectors/mock_encrypted_key.age"));

        Assert.Null(await Age.AgeCli.Default.DecryptAsync(other, armored));
    }

    [Fact]
    public async Task TheMockSshVectorUnwrapsWithTheSshIdentity()
    {
        var identity = File.ReadAllText(Fixtures.Path("age-vectors/mock_ssh_identity"));
        var armored = File.ReadAllText(Fixtures.Path("age-vectors/mock_encrypted_ssh_key.age"));

        var key = await Age.AgeCli.Default.DecryptAsync(identity, armored);

        Assert.Equal("data", System.Text.Encoding.ASCII.GetString(key!));
    }
}
