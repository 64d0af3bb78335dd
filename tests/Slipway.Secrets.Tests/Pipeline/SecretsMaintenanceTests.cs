using Slipway.Secrets.Pipeline;
using Slipway.Secrets.Tests.Support;

namespace Slipway.Secrets.Tests.Pipeline;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SecretsMaintenanceTests : IDisposable
{
    private readonly TempDir _dir = new();

    public SecretsMaintenanceTests() => AgeTool.Require();

    public void Dispose() => _dir.Dispose();

    private string SecretsFile => _dir.File("secrets.enc.yaml");

    private async Task<(string KeyFile, string Recipient)> ConfigAsync()
    {
        var identity = await AgeTool.NewIdentityAsync(_dir);
        _dir.Write(".sops.yaml", $"creation_rules:\n  - path_regex: secrets\\.enc\\.yaml$\n    age: {identity.Recipient}\n");
        return identity;
    }

    [Fact]
    public async Task SetCreatesTheFileFromTheCreationRuleThenChangesIt()
    {
        var (keyFile, recipient) = await ConfigAsync();

        await SecretsMaintenance.SetAsync(SecretsFile, "api_key", new SecretValue("first"), AgeKeySources.FromKeyFile(keyFile));
        await SecretsMaintenance.SetAsync(SecretsFile, "api_key", new SecretValue("second"), AgeKeySources.FromKeyFile(keyFile));

        var doc = await SopsDocument.LoadAsync(SecretsFile, AgeKeySources.FromKeyFile(keyFile));
        Assert.Equal("second", doc.Get("api_key").Reveal());
        Assert.Equal([recipient], doc.AgeRecipients);
        Assert.DoesNotContain("second", File.ReadAllText(SecretsFile));
    }

    [Fact]
    public async Task RotateAddsAndRemovesRecipients()
    {
        var (keyFile, recipient) = await ConfigAsync();
        var (otherKey, other) = await AgeTool.NewIdentityAsync(_dir, "other.txt");
        await SecretsMaintenance.SetAsync(SecretsFile, "api_key", new SecretValue("v"), AgeKeySources.FromKeyFile(keyFile));

        await SecretsMaintenance.RotateAsync(SecretsFile, [other], [recipient], AgeKeySources.FromKeyFile(keyFile));

        Assert.Equal([other], SopsDocument.ListRecipients(SecretsFile));
        Assert.Equal("v", (await SopsDocument.LoadAsync(SecretsFile, AgeKeySources.FromKeyFile(otherKey))).Get("api_key").Reveal());
    }

    [Fact]
    public async Task RemovingARecipientTheFileDoesNotHaveListsTheRecipients()
    {
        var (keyFile, recipient) = await ConfigAsync();
        await SecretsMaintenance.SetAsync(SecretsFile, "api_key", new SecretValue("v"), AgeKeySources.FromKeyFile(keyFile));
        var before = File.ReadAllText(SecretsFile);

        var error = await Assert.ThrowsAsync<SecretsException>(() =>
            SecretsMaintenance.RotateAsync(SecretsFile, [], ["age1notthere"], AgeKeySources.FromKeyFile(keyFile)));

        Assert.Equal($"{SecretsFile}: cannot remove 'age1notthere': it is not a recipient; recipients: {recipient}", error.Message);
        Assert.Equal(before, File.ReadAllText(SecretsFile));
    }

    [Fact]
    public async Task TheEnvFileIsOwnerOnlyWithUpperSnakeNames()
    {
        var (keyFile, _) = await ConfigAsync();
        await SecretsMaintenance.SetAsync(SecretsFile, "api_key", new SecretValue("a b"), AgeKeySources.FromKeyFile(keyFile));
        await SecretsMaintenance.SetAsync(SecretsFile, "dev/api_key", new SecretValue("dev"), AgeKeySources.FromKeyFile(keyFile));

        SecretsMaintenance.WriteEnvFile(new SecretsFileValues(SecretsFile, AgeKeySources.FromKeyFile(keyFile)), "prod", _dir.File("prod.env"));

        Assert.Equal("API_KEY='a b'\n", File.ReadAllText(_dir.File("prod.env")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_dir.File("prod.env")));
    }

    [Fact]
    public void AnEnvironmentNameThatIsAPathIsRefused()
    {
        var error = Assert.Throws<SecretsException>(() =>
            SecretsMaintenance.WriteEnvFile(new SecretsFileValues(SecretsFile, AgeKeySources.FromKeyFile(_dir.File("k"))), "../x", _dir.File("x.env")));

        Assert.StartsWith("'../x' is not an environment name", error.Message);
    }

    [Fact]
    public async Task AMissingKeyFileIsOneLineNamingRecipientsAndPlaces()
    {
        var (keyFile, recipient) = await ConfigAsync();
        await SecretsMaintenance.SetAsync(SecretsFile, "api_key", new SecretValue("v"), AgeKeySources.FromKeyFile(keyFile));
        var sources = KeySourcesFor.Environment(_dir, ("SOPS_AGE_KEY_FILE", _dir.File("does-not-exist.txt")));

        var error = await Assert.ThrowsAsync<SecretsException>(() => SecretsMaintenance.SetAsync(SecretsFile, "api_key", new SecretValue("w"), sources));

        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains($"({recipient})", error.Message);
        Assert.Contains($"SOPS_AGE_KEY_FILE={_dir.File("does-not-exist.txt")} (missing)", error.Message);
        Assert.Contains($"{KeySourcesFor.DefaultKeyFile(_dir)} (missing)", error.Message);
    }
}
