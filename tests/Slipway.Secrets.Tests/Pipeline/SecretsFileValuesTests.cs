using Slipway.Secrets.Pipeline;
using Slipway.Secrets.Tests.Support;

namespace Slipway.Secrets.Tests.Pipeline;

public sealed class SecretsFileValuesTests : IDisposable
{
    private readonly TempDir _dir = new();

    public SecretsFileValuesTests() => AgeTool.Require();

    public void Dispose() => _dir.Dispose();

    private async Task<(string File, string KeyFile)> SecretsFileAsync(params (string Key, string Value)[] values)
    {
        var (keyFile, recipient) = await AgeTool.NewIdentityAsync(_dir);
        var file = _dir.File("secrets.enc.yaml");
        await SopsDocument.CreateAsync(file, new SopsCreationRule([recipient]), values.Select(v => KeyValuePair.Create(v.Key, v.Value)));
        return (file, keyFile);
    }

    [Fact]
    public async Task AnEnvironmentGetsTopLevelValuesOverriddenByItsOwnMappingUnderBothNames()
    {
        var (file, keyFile) = await SecretsFileAsync(("api_key", "shared-key"), ("db_password", "shared-db"), ("dev/api_key", "dev-key"), ("prod/api_key", "prod-key"));

        var offered = new SecretsFileValues(file, AgeKeySources.FromKeyFile(keyFile)).ForEnvironment("dev");

        Assert.Equal("dev-key", offered["api_key"].Reveal());
        Assert.Equal("dev-key", offered["API_KEY"].Reveal());
        Assert.Equal("shared-db", offered["DB_PASSWORD"].Reveal());
        Assert.DoesNotContain(offered.Values, v => v.Reveal() == "prod-key");
    }

    [Fact]
    public async Task EveryValueReadIsMaskedButUserNamesAreNot()
    {
        var (file, keyFile) = await SecretsFileAsync(("registry_password", "masked-Password-1"), ("registry_user", "visible-user"));

        new SecretsFileValues(file, AgeKeySources.FromKeyFile(keyFile)).TryGet("registry_password", out _);

        Assert.Equal("**** visible-user", Slipway.Engine.SecretMasker.Mask("masked-Password-1 visible-user"));
    }

    [Fact]
    public void AMissingFileIsNoError()
    {
        var values = new SecretsFileValues(_dir.File("absent.enc.yaml"), AgeKeySources.FromKeyFile(_dir.File("no-key.txt")));

        Assert.False(values.TryGet("registry_password", out _));
        Assert.Empty(values.ForEnvironment("dev"));
    }

    [Fact]
    public async Task AFileNoKeyHereOpensCountsAsAbsentButRequireSaysWhy()
    {
        var (file, _) = await SecretsFileAsync(("registry_password", "x-secret-1"));
        var (otherKey, _) = await AgeTool.NewIdentityAsync(_dir, "other.txt");
        var values = new SecretsFileValues(file, AgeKeySources.FromKeyFile(otherKey));

        Assert.False(values.TryGet("registry_password", out _));
        var error = Assert.Throws<SecretsException>(values.Require);
        Assert.Contains("no age identity matches its recipients (age1", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task ACorruptFileIsAnErrorNotAWarning()
    {
        var (file, keyFile) = await SecretsFileAsync(("registry_password", "x-secret-2"));
        File.WriteAllText(file, File.ReadAllText(file).Replace("registry_password: ENC[", "registry_password: ENC[x"));

        var error = Assert.Throws<SecretsException>(() => new SecretsFileValues(file, AgeKeySources.FromKeyFile(keyFile)).TryGet("registry_password", out _));

        Assert.Contains("MAC mismatch", error.Message);
    }
}
