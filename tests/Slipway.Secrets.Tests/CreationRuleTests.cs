using Slipway.Secrets.Tests.Support;

namespace Slipway.Secrets.Tests;

public sealed class CreationRuleTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private const string A = "age1yt3tfqlfrwdwx0z0ynwplcr6qxcxfaqycuprpmy89nr83ltx74tqdpszlw";
    private const string B = "age1tmaae3ld5vpevmsh5yacsauzx8jetg300mpvc4ugp5zr5l6ssq9sla97ep";

    private string Config(string text) => _dir.Write(".sops.yaml", text);

    [Fact]
    public void TheFirstRuleWhosePathRegexMatchesTheRelativePathWins()
    {
        Config($"creation_rules:\n  - path_regex: ^secrets/prod/.*\\.yaml$\n    age: {A}\n    encrypted_regex: ^(password|token)$\n  - path_regex: \\.yaml$\n    age: {A},{B}\n");

        var prod = SopsConfig.CreationRuleFor(_dir.File("secrets/prod/app.yaml"));
        var other = SopsConfig.CreationRuleFor(_dir.File("secrets/dev/app.yaml"));

        Assert.Equal([A], prod.AgeRecipients);
        Assert.Equal("^(password|token)$", prod.EncryptedRegex);
        Assert.Equal([A, B], other.AgeRecipients);
        Assert.Null(other.EncryptedRegex);
    }

    [Fact]
    public void AgeRecipientsMayBeAListAndKeyGroupsMayHoldThem()
    {
        Config($"creation_rules:\n  - path_regex: list\\.yaml$\n    age:\n      - {A}\n      - {B}\n    unencrypted_suffix: _plain\n    mac_only_encrypted: true\n  - key_groups:\n      - age: [{B}]\n");

        var list = SopsConfig.CreationRuleFor(_dir.File("list.yaml"));
        var grouped = SopsConfig.CreationRuleFor(_dir.File("any.json"));

        Assert.Equal([A, B], list.AgeRecipients);
        Assert.Equal("_plain", list.UnencryptedSuffix);
        Assert.True(list.MacOnlyEncrypted);
        Assert.Equal([B], grouped.AgeRecipients);
    }

    [Fact]
    public void TheNearestConfigAboveTheFileIsUsed()
    {
        Config($"creation_rules:\n  - age: {A}\n");
        _dir.Write("nested/.sops.yaml", $"creation_rules:\n  - age: {B}\n");

        Assert.Equal([B], SopsConfig.CreationRuleFor(_dir.File("nested/deeper/s.yaml")).AgeRecipients);
        Assert.Equal([A], SopsConfig.CreationRuleFor(_dir.File("s.yaml")).AgeRecipients);
    }

    [Fact]
    public void NoMatchingRuleNamesTheConfigAndTheFile()
    {
        var config = Config($"creation_rules:\n  - path_regex: ^prod/\n    age: {A}\n");

        var ex = Assert.Throws<SecretsException>(() => SopsConfig.CreationRuleFor(_dir.File("dev/s.yaml")));

        Assert.Equal($"{config}: no creation rule matches dev/s.yaml; add a rule whose path_regex matches it", ex.Message);
    }

    [Fact]
    public void ARuleWithoutAgeRecipientsIsRefused()
    {
        Config("creation_rules:\n  - pgp: FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4\n");

        var ex = Assert.Throws<SecretsException>(() => SopsConfig.CreationRuleFor(_dir.File("s.yaml")));

        Assert.Contains("creation_rules/0: no age recipients", ex.Message);
    }

    [Fact]
    public void AMalformedConfigNamesLineAndColumn()
    {
        var config = Config("creation_rules:\n  - age: [unclosed\n");

        var ex = Assert.Throws<SecretsException>(() => SopsConfig.CreationRuleFor(_dir.File("s.yaml")));

        Assert.StartsWith($"{config}:", ex.Message);
        Assert.Contains("malformed YAML", ex.Message);
    }

    [Fact]
    public void TwoEncryptionRulesInOneCreationRuleAreRefused()
    {
        Config($"creation_rules:\n  - age: {A}\n    encrypted_regex: x\n    unencrypted_suffix: _u\n");

        var ex = Assert.Throws<SecretsException>(() => SopsConfig.CreationRuleFor(_dir.File("s.yaml")));

        Assert.Contains("use only one of", ex.Message);
    }

    [Fact]
    public async Task CreatingAFileWithoutARuleUsesTheSopsYaml()
    {
        AgeTool.Require();
        var (keyFile, recipient) = await AgeTool.NewIdentityAsync(_dir);
        Config($"creation_rules:\n  - path_regex: \\.enc\\.yaml$\n    age: {recipient}\n    encrypted_regex: ^token$\n");

        await SopsDocument.CreateAsync(_dir.File("app.enc.yaml"), rule: null, [new("name", "web"), new("token", "t0k3n")]);
        var doc = await SopsDocument.LoadAsync(_dir.File("app.enc.yaml"), AgeKeySources.FromKeyFile(keyFile));

        Assert.Equal([recipient], doc.AgeRecipients);
        Assert.Contains("name: web\n", File.ReadAllText(_dir.File("app.enc.yaml")));
        Assert.Equal("t0k3n", doc.Get("token").Reveal());
    }
}
