using System.Text;
using Slipway.Secrets.Tests.Support;
using Slipway.Secrets.Tree;
using YamlDotNet.RepresentationModel;

namespace Slipway.Secrets.Tests;

public sealed class RoundTripTests : IDisposable
{
    private readonly TempDir _dir = new();

    public RoundTripTests() => AgeTool.Require();

    public void Dispose() => _dir.Dispose();

    private static readonly KeyValuePair<string, string>[] Values =
    [
        new("db/user", "app"),
        new("db/password", "p@ss: 'w0rd' # not a comment"),
        new("api/token", "line one\nline two\n"),
        new("api/empty", ""),
        new("looks_like/a_number", "0123"),
        new("looks_like/a_bool", "true"),
    ];

    [Theory]
    [InlineData("secrets.enc.yaml")]
    [InlineData("secrets.enc.json")]
    public async Task AFileWeWriteReadsBackEqual(string name)
    {
        var (keyFile, recipient) = await AgeTool.NewIdentityAsync(_dir);

        await SopsDocument.CreateAsync(_dir.File(name), new SopsCreationRule([recipient]), Values);
        var doc = await SopsDocument.LoadAsync(_dir.File(name), AgeKeySources.FromKeyFile(keyFile));

        Assert.Equal(Values.Select(v => v.Key), doc.Keys);
        Assert.All(Values, v => Assert.Equal(v.Value, doc.Get(v.Key).Reveal()));
    }

    [Fact]
    public async Task ADotenvFileWeWriteReadsBackEqual()
    {
        var (keyFile, recipient) = await AgeTool.NewIdentityAsync(_dir);
        KeyValuePair<string, string>[] values = [new("DB_PASSWORD", "s3cr=t\nwith newline"), new("API_TOKEN", "abc")];

        await SopsDocument.CreateAsync(_dir.File("app.env"), new SopsCreationRule([recipient]), values);
        var doc = await SopsDocument.LoadAsync(_dir.File("app.env"), AgeKeySources.FromKeyFile(keyFile));

        Assert.Equal("s3cr=t\nwith newline", doc.Get("DB_PASSWORD").Reveal());
        Assert.Contains("sops_age__list_0__map_recipient=" + recipient, File.ReadAllText(_dir.File("app.env")));
    }

    [Fact]
    public async Task ItsDataKeyOpensWithTheAgeCliDirectly()
    {
        // Given a file we wrote
        var (keyFile, recipient) = await AgeTool.NewIdentityAsync(_dir);
        await SopsDocument.CreateAsync(_dir.File("s.yaml"), new SopsCreationRule([recipient]), Values);
        var sops = (YamlMappingNode)Yaml(_dir.File("s.yaml"))["sops"];
        var stanza = (YamlMappingNode)((YamlSequenceNode)sops["age"])[0];

        // When the age CLI unwraps its data key
        var (code, dataKey, _) = AgeTool.Run("age", ["-d", "-i", keyFile], ((YamlScalarNode)stanza["enc"]).Value);

        // Then it is a 32-byte key that opens a value under sops' additional data
        Assert.Equal(0, code);
        Assert.Equal(32, dataKey.Length);
        Assert.Equal(recipient, ((YamlScalarNode)stanza["recipient"]).Value);
        var password = ((YamlScalarNode)((YamlMappingNode)Yaml(_dir.File("s.yaml"))["db"])["password"]).Value!;
        Assert.Equal("p@ss: 'w0rd' # not a comment", ValueCipher.Decrypt(password, dataKey, "db:password:"));
    }

    [Fact]
    public async Task ItsMacRecomputesFromTheWrittenFile()
    {
        var (keyFile, recipient) = await AgeTool.NewIdentityAsync(_dir);
        await SopsDocument.CreateAsync(_dir.File("s.yaml"), new SopsCreationRule([recipient]), Values);

        var file = SopsFileReader.ReadEncrypted(_dir.File("s.yaml"));
        var (_, dataKey, _) = AgeTool.Run("age", ["-d", "-i", keyFile], file.Metadata.Age[0].Enc);

        Assert.Equal(SopsTreeCrypto.ComputeMac(file.Branches, file.Metadata, dataKey),
            ValueCipher.Decrypt(file.Metadata.Mac!, dataKey, file.Metadata.LastModified));
        Assert.Equal("3.10.2", file.Metadata.Version);
    }

    [Fact]
    public async Task SavingAnEditKeepsTheDataKeyAndTheUntouchedCiphertexts()
    {
        // Given a file we wrote
        var (keyFile, recipient) = await AgeTool.NewIdentityAsync(_dir);
        await SopsDocument.CreateAsync(_dir.File("s.yaml"), new SopsCreationRule([recipient]), Values);
        var before = SopsFileReader.ReadEncrypted(_dir.File("s.yaml"));

        // When one value changes and the file is saved
        var doc = await SopsDocument.LoadAsync(_dir.File("s.yaml"), AgeKeySources.FromKeyFile(keyFile));
        doc.Set("db/password", "rotated");
        doc.Set("db/new/nested", "added");
        await doc.SaveAsync();

        // Then the wrapped data key and the other values are byte for byte the same, and the MAC is new
        var after = SopsFileReader.ReadEncrypted(_dir.File("s.yaml"));
        Assert.Equal(before.Metadata.Age, after.Metadata.Age);
        Assert.Equal(Leaf(before, "db", "user"), Leaf(after, "db", "user"));
        Assert.NotEqual(Leaf(before, "db", "password"), Leaf(after, "db", "password"));
        Assert.NotEqual(before.Metadata.Mac, after.Metadata.Mac);
        var reloaded = await SopsDocument.LoadAsync(_dir.File("s.yaml"), AgeKeySources.FromKeyFile(keyFile));
        Assert.Equal("rotated", reloaded.Get("db/password").Reveal());
        Assert.Equal("added", reloaded.Get("db/new/nested").Reveal());
    }

    [Fact]
    public async Task RotatingReplacesTheDataKeyAndRewrapsItForTheNewRecipients()
    {
        // Given a file for recipient A
        var (keyA, recipientA) = await AgeTool.NewIdentityAsync(_dir, "a.txt");
        var (keyB, recipientB) = await AgeTool.NewIdentityAsync(_dir, "b.txt");
        await SopsDocument.CreateAsync(_dir.File("s.yaml"), new SopsCreationRule([recipientA]), Values);
        var before = SopsFileReader.ReadEncrypted(_dir.File("s.yaml"));

        // When it is rotated to B only
        var doc = await SopsDocument.LoadAsync(_dir.File("s.yaml"), AgeKeySources.FromKeyFile(keyA));
        await doc.RotateAsync(addRecipients: [recipientB], removeRecipients: [recipientA]);

        // Then B opens it, A no longer does, and every value was re-encrypted
        var rotated = await SopsDocument.LoadAsync(_dir.File("s.yaml"), AgeKeySources.FromKeyFile(keyB));
        Assert.Equal([recipientB], rotated.AgeRecipients);
        Assert.Equal("app", rotated.Get("db/user").Reveal());
        Assert.NotEqual(Leaf(before, "db", "user"), Leaf(SopsFileReader.ReadEncrypted(_dir.File("s.yaml")), "db", "user"));
        await Assert.ThrowsAsync<SecretsException>(() => SopsDocument.LoadAsync(_dir.File("s.yaml"), AgeKeySources.FromKeyFile(keyA)));
    }

    [Fact]
    public async Task EncryptingAPlainYamlFileKeepsItsComments()
    {
        var (keyFile, recipient) = await AgeTool.NewIdentityAsync(_dir);

        await SopsDocument.EncryptFileAsync(Fixtures.Path("plain/functional-tests__res__comments.yaml"), _dir.File("c.enc.yaml"), new SopsCreationRule([recipient]));
        var encrypted = File.ReadAllText(_dir.File("c.enc.yaml"));
        var doc = await SopsDocument.LoadAsync(_dir.File("c.enc.yaml"), AgeKeySources.FromKeyFile(keyFile));
        doc.WritePlaintext(_dir.File("c.yaml"));

        Assert.DoesNotContain("this-is-a-comment", encrypted);
        Assert.Contains("#ENC[AES256_GCM,", encrypted);
        Assert.Equal(File.ReadAllText(Fixtures.Path("plain/functional-tests__res__comments.yaml")).TrimEnd(), File.ReadAllText(_dir.File("c.yaml")).TrimEnd());
    }

    [Fact]
    public async Task CommentsBetweenListItemsSurviveARoundTrip()
    {
        var (keyFile, recipient) = await AgeTool.NewIdentityAsync(_dir);

        await SopsDocument.EncryptFileAsync(Fixtures.Path("plain/functional-tests__res__comments_list.yaml"), _dir.File("l.enc.yaml"), new SopsCreationRule([recipient]));
        var doc = await SopsDocument.LoadAsync(_dir.File("l.enc.yaml"), AgeKeySources.FromKeyFile(keyFile));
        doc.WritePlaintext(_dir.File("l.yaml"));

        Assert.Equal(["lorem/0", "lorem/1"], doc.Keys);
        Assert.Equal("lorem:\n    - foo\n    #this-is-a-comment\n    - bar\n", File.ReadAllText(_dir.File("l.yaml")));
    }

    [Fact]
    public async Task EncryptedRegexLeavesOtherValuesReadableAndIsRecorded()
    {
        var (keyFile, recipient) = await AgeTool.NewIdentityAsync(_dir);
        var rule = new SopsCreationRule([recipient]) { EncryptedRegex = "^password$" };

        await SopsDocument.CreateAsync(_dir.File("s.yaml"), rule, Values);
        var text = File.ReadAllText(_dir.File("s.yaml"));
        var doc = await SopsDocument.LoadAsync(_dir.File("s.yaml"), AgeKeySources.FromKeyFile(keyFile));

        Assert.Contains("    user: app\n", text);
        Assert.Contains("    password: ENC[AES256_GCM,", text);
        Assert.Contains("    encrypted_regex: ^password$\n", text);
        Assert.DoesNotContain("unencrypted_suffix", text);
        Assert.Equal("p@ss: 'w0rd' # not a comment", doc.Get("db/password").Reveal());
    }

    [Fact]
    public async Task WithMacOnlyEncryptedAnEditedReadableValueStillVerifies()
    {
        var (keyFile, recipient) = await AgeTool.NewIdentityAsync(_dir);
        var rule = new SopsCreationRule([recipient]) { UnencryptedSuffix = "_plain", MacOnlyEncrypted = true };
        await SopsDocument.CreateAsync(_dir.File("s.yaml"), rule, [new("host_plain", "a.example"), new("token", "t")]);

        File.WriteAllText(_dir.File("s.yaml"), File.ReadAllText(_dir.File("s.yaml")).Replace("a.example", "b.example"));
        var doc = await SopsDocument.LoadAsync(_dir.File("s.yaml"), AgeKeySources.FromKeyFile(keyFile));

        Assert.Equal("b.example", doc.Get("host_plain").Reveal());
        Assert.Contains("mac_only_encrypted: true", File.ReadAllText(_dir.File("s.yaml")));
    }

    [Fact]
    public async Task AnEditOfTheAgeFixtureStaysReadableBySopsRules()
    {
        // Given a copy of the sops-written fixture, edited and saved by us
        File.Copy(Fixtures.Path("age/example.yaml"), _dir.File("example.yaml"));
        var doc = await SopsDocument.LoadAsync(_dir.File("example.yaml"), KeySourcesFor.FixtureKeys);
        doc.Set("myapp1", "changed");
        await doc.SaveAsync();

        // Then it loads again, both recipients kept, comments still encrypted, readable parts readable
        var text = File.ReadAllText(_dir.File("example.yaml"));
        var reloaded = await SopsDocument.LoadAsync(_dir.File("example.yaml"), KeySourcesFor.FixtureKeys);
        Assert.Equal("changed", reloaded.Get("myapp1").Reveal());
        Assert.Equal(Fixtures.AgeRecipients, reloaded.AgeRecipients);
        Assert.Contains("#ENC[AES256_GCM,", text);
        Assert.Contains("- remain in clear text", text);
    }

    private static YamlMappingNode Yaml(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path, Encoding.UTF8)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static object? Leaf(EncryptedFile file, params string[] path)
    {
        KeyPath.TryFind(file.Branches[0], path, out var node, out _);
        return node;
    }
}
