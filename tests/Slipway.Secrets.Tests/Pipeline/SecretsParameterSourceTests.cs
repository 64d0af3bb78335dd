using Slipway.Secrets.Pipeline;
using Slipway.Secrets.Tests.Support;

namespace Slipway.Secrets.Tests.Pipeline;

/// <summary>[Secret] parameters come from the command line, then the environment, then the secrets file.</summary>
public sealed class SecretsParameterSourceTests : IDisposable
{
    private readonly TempDir _dir = new();

    public SecretsParameterSourceTests() => AgeTool.Require();

    public void Dispose() => _dir.Dispose();

    private async Task<int> RunAsync(string[] args, Dictionary<string, string> environment)
    {
        var (keyFile, recipient) = await AgeTool.NewIdentityAsync(_dir);
        await SopsDocument.CreateAsync(_dir.File("secrets.enc.yaml"), new SopsCreationRule([recipient]), [KeyValuePair.Create("registry_password", "from-the-file")]);
        Directory.CreateDirectory(_dir.File(".nuke"));
        string[] common = ["--secrets-file", _dir.File("secrets.enc.yaml"), "--age-key-file", keyFile, "--out", _dir.File("out.txt")];
        return Slipway.Engine.BuildBase.Execute<SecretBuild>(b => b.Show, [.. args, .. common], environment, _dir.Root, new StringWriter());
    }

    private string Chosen => File.ReadAllText(_dir.File("out.txt"));

    [Fact]
    public async Task TheFileFillsASecretParameterNothingElseSets()
    {
        Assert.Equal(0, await RunAsync([], []));
        Assert.Equal("from-the-file", Chosen);
    }

    [Fact]
    public async Task TheEnvironmentBeatsTheFile()
    {
        Assert.Equal(0, await RunAsync([], new() { ["REGISTRY_PASSWORD"] = "from-the-env" }));
        Assert.Equal("from-the-env", Chosen);
    }

    [Fact]
    public async Task TheCommandLineBeatsTheEnvironmentAndTheFile()
    {
        Assert.Equal(0, await RunAsync(["--registry-password", "from-the-cli"], new() { ["REGISTRY_PASSWORD"] = "from-the-env" }));
        Assert.Equal("from-the-cli", Chosen);
    }

    [Fact]
    public async Task AKeyTheFileDoesNotHaveLeavesTheDefault()
    {
        Assert.Equal(0, await RunAsync([], []));
        Assert.False(File.Exists(_dir.File("out.txt.token")));
    }

    public sealed class SecretBuild : Slipway.Engine.BuildBase
    {
        [Slipway.Engine.Parameter("file")] readonly string SecretsFile = "";
        [Slipway.Engine.Parameter("key")] readonly string AgeKeyFile = "";
        [Slipway.Engine.Parameter("where the chosen values go")] readonly string Out = "";
        [Slipway.Engine.Parameter("password"), Slipway.Engine.Secret] readonly string? RegistryPassword = null;
        [Slipway.Engine.Parameter("not in the file"), Slipway.Engine.Secret] readonly string? ApiToken = null;

        public Slipway.Engine.Target Show => _ => _.Executes(() =>
        {
            File.WriteAllText(Out, RegistryPassword);
            if (ApiToken is not null) File.WriteAllText(Out + ".token", ApiToken);
        });

        protected override Slipway.Engine.IParameterSource? SecretParameterSource =>
            new SecretsParameterSource(new SecretsFileValues(SecretsFile, AgeKeySources.FromKeyFile(AgeKeyFile)));
    }
}
