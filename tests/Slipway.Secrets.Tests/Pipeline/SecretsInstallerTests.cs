using Slipway.Secrets.Pipeline;
using Slipway.Secrets.Tests.Support;

namespace Slipway.Secrets.Tests.Pipeline;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SecretsInstallerTests : IDisposable
{
    private readonly TempDir _dir = new();

    public SecretsInstallerTests() => AgeTool.Require();

    public void Dispose() => _dir.Dispose();

    private string SecretsFile => _dir.File("repo/secrets.enc.yaml");

    private Func<string, string?> Variables(params (string Name, string Value)[] extra)
    {
        var variables = extra.ToDictionary(v => v.Name, v => v.Value);
        variables["HOME"] = _dir.File("home");
        return name => variables.GetValueOrDefault(name);
    }

    [Fact]
    public async Task AFreshInstallationGetsAKeyWhereSopsLooksARecipientInSopsYamlAndAFileItCanOpen()
    {
        _dir.Write("repo/.sops.yaml", $"creation_rules:\n  - path_regex: secrets\\.enc\\.yaml$\n    age: {SecretsInstaller.RecipientPlaceholder}\n");

        var result = await new SecretsInstaller(Variables()).InitAsync(SecretsFile, ["api_key"]);

        Assert.Equal(Path.Combine(_dir.File("home"), ".config", "sops", "age", "keys.txt"), result.KeyFile);
        Assert.True(result.KeyCreated && result.ConfigUpdated && result.FileCreated);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(result.KeyFile));
        Assert.Contains($"age: {result.Recipient}", File.ReadAllText(_dir.File("repo/.sops.yaml")));
        var doc = await SopsDocument.LoadAsync(SecretsFile, AgeKeySources.FromVariables(Variables()));
        Assert.Equal(32, doc.Get("api_key").Reveal().Length);
    }

    [Fact]
    public async Task SopsAgeKeyFileNamesWhereTheKeyGoesAndASecondRunChangesNothing()
    {
        var variables = Variables(("SOPS_AGE_KEY_FILE", _dir.File("keys/ci.txt")));
        await new SecretsInstaller(variables).InitAsync(SecretsFile, []);
        var before = File.ReadAllText(SecretsFile);

        var again = await new SecretsInstaller(variables).InitAsync(SecretsFile, ["api_key"]);

        Assert.Equal(_dir.File("keys/ci.txt"), again.KeyFile);
        Assert.False(again.KeyCreated || again.ConfigUpdated || again.FileCreated);
        Assert.True(again.CanDecrypt);
        Assert.Equal(before, File.ReadAllText(SecretsFile));
    }

    [Fact]
    public async Task AnotherInstallationIsToldItCannotDecryptTheFileYet()
    {
        await new SecretsInstaller(Variables(("SOPS_AGE_KEY_FILE", _dir.File("first.txt")))).InitAsync(SecretsFile, ["api_key"]);

        var second = await new SecretsInstaller(Variables(("SOPS_AGE_KEY_FILE", _dir.File("second.txt")))).InitAsync(SecretsFile, ["api_key"]);

        Assert.True(second.KeyCreated);
        Assert.False(second.CanDecrypt);
    }

    [Fact]
    public async Task ThePlaceholderIsRefusedAsARecipientUntilInitRuns()
    {
        _dir.Write("repo/.sops.yaml", $"creation_rules:\n  - path_regex: secrets\\.enc\\.yaml$\n    age: {SecretsInstaller.RecipientPlaceholder}\n");

        var error = await Assert.ThrowsAsync<SecretsException>(() =>
            SecretsMaintenance.SetAsync(SecretsFile, "api_key", new SecretValue("v"), AgeKeySources.FromVariables(Variables())));

        Assert.Contains($"'{SecretsInstaller.RecipientPlaceholder}' is not an age recipient", error.Message);
    }
}
