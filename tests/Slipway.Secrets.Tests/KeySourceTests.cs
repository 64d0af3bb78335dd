using Slipway.Secrets.Tests.Support;

namespace Slipway.Secrets.Tests;

// sops reads SOPS_AGE_KEY, SOPS_AGE_KEY_FILE, SOPS_AGE_KEY_CMD and the user's keys.txt; the first of them
// whose identity unwraps the data key is the one used.
public sealed class KeySourceTests : IDisposable
{
    private readonly TempDir _dir = new();

    public KeySourceTests() => AgeTool.Require();

    public void Dispose() => _dir.Dispose();

    private string KeyText => File.ReadAllText(Fixtures.KeysFile);

    private string DefaultKeyFile()
    {
        var path = KeySourcesFor.DefaultKeyFile(_dir);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(Fixtures.KeysFile, path, overwrite: true);
        return path;
    }

    private Task<SopsDocument> Load(AgeKeySources sources) => SopsDocument.LoadAsync(Fixtures.Path("age/example.yaml"), sources);

    [Fact]
    public async Task SopsAgeKeyBeatsSopsAgeKeyFile()
    {
        var doc = await Load(KeySourcesFor.Environment(_dir, ("SOPS_AGE_KEY", KeyText), ("SOPS_AGE_KEY_FILE", Fixtures.KeysFile)));

        Assert.Equal("SOPS_AGE_KEY", doc.KeySource);
    }

    [Fact]
    public async Task SopsAgeKeyFileBeatsTheDefaultKeyFile()
    {
        DefaultKeyFile();

        var doc = await Load(KeySourcesFor.Environment(_dir, ("SOPS_AGE_KEY_FILE", Fixtures.KeysFile)));

        Assert.Equal($"SOPS_AGE_KEY_FILE={Fixtures.KeysFile}", doc.KeySource);
    }

    [Fact]
    public async Task TheDefaultKeyFileIsUsedWhenNothingElseIsSet()
    {
        var path = DefaultKeyFile();

        var doc = await Load(KeySourcesFor.Environment(_dir));

        Assert.Equal(path, doc.KeySource);
    }

    [Fact]
    public async Task AWrongSopsAgeKeyFallsThroughToTheNextSource()
    {
        var (_, _) = await AgeTool.NewIdentityAsync(_dir, "other.txt");

        var doc = await Load(KeySourcesFor.Environment(_dir,
            ("SOPS_AGE_KEY", File.ReadAllText(_dir.File("other.txt"))), ("SOPS_AGE_KEY_FILE", Fixtures.KeysFile)));

        Assert.Equal($"SOPS_AGE_KEY_FILE={Fixtures.KeysFile}", doc.KeySource);
    }

    [Fact]
    public async Task SopsAgeKeyMayHoldSeveralKeysAndComments()
    {
        var onlySecond = string.Join("\n", KeyText.Split('\n').Skip(3));

        var doc = await Load(KeySourcesFor.Environment(_dir, ("SOPS_AGE_KEY", "# a comment\n\n" + onlySecond)));

        Assert.Equal("eve", doc.Get("app2/db/user").Reveal());
    }

    [Fact]
    public async Task SopsAgeKeyCmdPrintsTheKeys()
    {
        var doc = await Load(KeySourcesFor.Environment(_dir, ("SOPS_AGE_KEY_CMD", $"cat '{Fixtures.KeysFile}'")));

        Assert.Equal("SOPS_AGE_KEY_CMD", doc.KeySource);
    }

    [Fact]
    public void TheDefaultKeyFileFollowsXdgConfigHomeThenHome()
    {
        var xdg = AgeKeySources.DefaultKeyFile(n => n switch { "XDG_CONFIG_HOME" => "/xdg", "HOME" => "/home/u", _ => null });
        var home = AgeKeySources.DefaultKeyFile(n => n == "HOME" ? "/home/u" : null);
        var relativeXdg = AgeKeySources.DefaultKeyFile(n => n switch { "XDG_CONFIG_HOME" => "rel", "HOME" => "/home/u", _ => null });

        Assert.Equal("/xdg/sops/age/keys.txt", xdg);
        Assert.Equal(OperatingSystem.IsMacOS() ? "/home/u/Library/Application Support/sops/age/keys.txt" : "/home/u/.config/sops/age/keys.txt", home);
        Assert.Equal(home, relativeXdg);
    }

    [Fact]
    public void KeyCommandsSplitLikeAShell()
    {
        Assert.Equal(["pass", "show", "age key", "a\"b"], CommandLine.Split("pass show 'age key' \"a\\\"b\""));
    }

    [Fact]
    public async Task AgeKeyGenWritesAnOwnerOnlyIdentityAndReturnsItsRecipient()
    {
        var recipient = await AgeKeyGen.GenerateAsync(_dir.File("new.txt"));

        Assert.StartsWith("age1", recipient);
        Assert.Equal([recipient], await AgeKeyGen.RecipientsOfAsync(_dir.File("new.txt")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite,
            OperatingSystem.IsWindows() ? UnixFileMode.None : File.GetUnixFileMode(_dir.File("new.txt")));
        await Assert.ThrowsAsync<SecretsException>(() => AgeKeyGen.GenerateAsync(_dir.File("new.txt")));
    }
}
