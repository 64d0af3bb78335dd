using System.Text.RegularExpressions;
using Slipway.Secrets.Tests.Support;

namespace Slipway.Secrets.Tests;

public sealed class FaultTests : IDisposable
{
    private readonly TempDir _dir = new();

    public FaultTests() => AgeTool.Require();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void MalformedYamlNamesFileLineAndColumn()
    {
        var path = _dir.Write("bad.yaml", "a: 1\nb:\n  c: 2\n d: 3\n");

        var ex = Assert.Throws<SecretsException>(() => SopsDocument.ListKeys(path));

        Assert.StartsWith($"{path}:4:2: malformed YAML: ", ex.Message);
        Assert.DoesNotContain("\n", ex.Message);
    }

    [Fact]
    public void MalformedJsonNamesFileLineAndColumn()
    {
        var path = _dir.Write("bad.json", "{\n  \"a\": 1,\n  \"b\" 2\n}\n");

        var ex = Assert.Throws<SecretsException>(() => SopsDocument.ListKeys(path));

        Assert.Matches($"^{Regex.Escape(path)}:3:\\d+: malformed JSON: ", ex.Message);
    }

    [Fact]
    public void APlainFileIsNotTakenForASopsFile()
    {
        var ex = Assert.Throws<SecretsException>(() => SopsDocument.ListKeys(Fixtures.Path("plain/functional-tests__res__plainfile.yaml")));

        Assert.Contains("not a sops file", ex.Message);
    }

    [Fact]
    public async Task ATamperedValueIsAMacMismatchAndNothingIsWritten()
    {
        var path = Fixtures.CopyTo(_dir, "age/example.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("data:/cSI,", "data:/cSJ,"));

        var ex = await Assert.ThrowsAsync<SecretsException>(() =>
            SopsDocument.DecryptToDotenvAsync(path, _dir.File("out.env"), KeySourcesFor.FixtureKeys));

        AssertMacMismatch(path, ex);
        Assert.Contains("app2/db/user", ex.Message);
        Assert.False(File.Exists(_dir.File("out.env")));
    }

    [Fact]
    public async Task AValueMovedToAnotherKeyIsAMacMismatch()
    {
        var path = Fixtures.CopyTo(_dir, "age/example.yaml");
        var lines = File.ReadAllLines(path);
        var user = Array.FindIndex(lines, l => l.TrimStart().StartsWith("user: "));
        var password = Array.FindIndex(lines, l => l.TrimStart().StartsWith("password: "));
        (lines[user], lines[password]) = (lines[user].Replace("user:", "password:"), lines[password].Replace("password:", "user:"));
        File.WriteAllLines(path, lines);

        var ex = await Assert.ThrowsAsync<SecretsException>(() => SopsDocument.LoadAsync(path, KeySourcesFor.FixtureKeys));

        AssertMacMismatch(path, ex);
    }

    [Fact]
    public async Task ARemovedItemIsAMacMismatchAndNothingIsWritten()
    {
        var path = Fixtures.CopyTo(_dir, "age/example.yaml");
        File.WriteAllLines(path, File.ReadAllLines(path).Where(l => !l.StartsWith("myapp1:")));

        var ex = await Assert.ThrowsAsync<SecretsException>(() =>
            SopsDocument.DecryptToDotenvAsync(path, _dir.File("out.env"), KeySourcesFor.FixtureKeys));

        AssertMacMismatch(path, ex);
        Assert.False(File.Exists(_dir.File("out.env")));
    }

    [Fact]
    public async Task AChangedReadableValueIsAMacMismatch()
    {
        var path = Fixtures.CopyTo(_dir, "age/example.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("going to remain in clear text", "changed in clear text"));

        var ex = await Assert.ThrowsAsync<SecretsException>(() => SopsDocument.LoadAsync(path, KeySourcesFor.FixtureKeys));

        AssertMacMismatch(path, ex);
    }

    [Fact]
    public async Task AChangedLastModifiedIsAMacMismatchAndNothingIsWritten()
    {
        var path = Fixtures.CopyTo(_dir, "age/example.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("2022-03-15T22:11:15Z", "2022-03-15T22:11:16Z"));

        var ex = await Assert.ThrowsAsync<SecretsException>(() =>
            SopsDocument.DecryptToDotenvAsync(path, _dir.File("out.env"), KeySourcesFor.FixtureKeys));

        AssertMacMismatch(path, ex);
        Assert.False(File.Exists(_dir.File("out.env")));
    }

    [Fact]
    public async Task AFileWithoutAMacIsRefused()
    {
        var path = Fixtures.CopyTo(_dir, "age/example.yaml");
        File.WriteAllLines(path, File.ReadAllLines(path).Where(l => !l.TrimStart().StartsWith("mac: ")));

        var ex = await Assert.ThrowsAsync<SecretsException>(() => SopsDocument.LoadAsync(path, KeySourcesFor.FixtureKeys));

        AssertMacMismatch(path, ex);
        Assert.Contains("no MAC", ex.Message);
    }

    [Fact]
    public async Task AWrongKeyNamesTheRecipientsAndThePlacesLookedIn()
    {
        var (keyFile, _) = await AgeTool.NewIdentityAsync(_dir);
        var sources = KeySourcesFor.Environment(_dir, ("SOPS_AGE_KEY_FILE", keyFile));

        var ex = await Assert.ThrowsAsync<SecretsException>(() => SopsDocument.LoadAsync(Fixtures.Path("age/example.yaml"), sources));

        Assert.StartsWith($"cannot decrypt {Fixtures.Path("age/example.yaml")}: no age identity matches its recipients ({Fixtures.AgeRecipients[0]}, {Fixtures.AgeRecipients[1]}); looked in ", ex.Message);
        Assert.Contains($"SOPS_AGE_KEY (not set), SOPS_AGE_KEY_FILE={keyFile}, {KeySourcesFor.DefaultKeyFile(_dir)} (missing)", ex.Message);
        Assert.DoesNotContain("\n", ex.Message);
    }

    [Fact]
    public async Task AMissingKeySaysNothingWasFoundAnywhere()
    {
        var ex = await Assert.ThrowsAsync<SecretsException>(() =>
            SopsDocument.LoadAsync(Fixtures.Path("age/example.json"), KeySourcesFor.Environment(_dir)));

        Assert.Contains("no age identity matches its recipients (age1yt3", ex.Message);
        Assert.Contains($"looked in SOPS_AGE_KEY (not set), SOPS_AGE_KEY_FILE (not set), {KeySourcesFor.DefaultKeyFile(_dir)} (missing);", ex.Message);
    }

    [Fact]
    public async Task AKeyPathThatDoesNotExistListsTheKeysThere()
    {
        var doc = await SopsDocument.LoadAsync(Fixtures.Path("age/example.yaml"), KeySourcesFor.FixtureKeys);

        var missing = Assert.Throws<SecretsException>(() => doc.Get("app2/db/pasword"));
        var mapping = Assert.Throws<SecretsException>(() => doc.Get("app2/db"));
        var index = Assert.Throws<SecretsException>(() => doc.Get("an_array/9"));

        Assert.Equal($"{Fixtures.Path("age/example.yaml")}: key path 'app2/db/pasword' not found: no key 'pasword' under app2/db; keys there: user, password", missing.Message);
        Assert.Contains("holds a mapping, not a value", mapping.Message);
        Assert.Contains("an_array is a list of 4 items; index it with 0..3", index.Message);
        Assert.False(doc.Contains("app2/db/pasword"));
    }

    [Fact]
    public async Task IniFilesAreReadOnly()
    {
        var path = Fixtures.CopyTo(_dir, "age/example.ini");
        var doc = await SopsDocument.LoadAsync(path, KeySourcesFor.FixtureKeys);
        doc.Set("name/firstName", "Jane");

        var ex = await Assert.ThrowsAsync<SecretsException>(() => doc.SaveAsync());

        Assert.Contains("writing INI files is not supported", ex.Message);
        Assert.Equal(File.ReadAllText(Fixtures.Path("age/example.ini")), File.ReadAllText(path));
    }

    private static void AssertMacMismatch(string path, SecretsException ex)
    {
        Assert.StartsWith($"{path}: MAC mismatch: the file was modified outside sops or is corrupt", ex.Message);
        Assert.DoesNotContain("\n", ex.Message);
    }
}
