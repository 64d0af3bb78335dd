using Slipway.Deploy;
using Slipway.Docker;
using Slipway.Engine;
using Slipway.Secrets;
using Slipway.Secrets.Pipeline;

partial class Build
{
    [Parameter("The sops file (age) that [Secret] parameters, registry logins and deploy secrets are read from")]
    readonly string SecretsFile = "secrets.enc.yaml";

    [Parameter("SecretsSet: the key to set, e.g. api_key or dev/api_key; the value comes from stdin")]
    readonly string? Key;

    [Parameter("SecretsRotate: age recipients (age1...) who may decrypt the file from now on")]
    readonly string[] AddRecipient = [];

    [Parameter("SecretsRotate: age recipients who may no longer decrypt it")]
    readonly string[] RemoveRecipient = [];

    Target Secrets => _ => _
        .Description("List the keys and age recipients of the secrets file; never a value, no age key needed")
        .Executes(() => SecretsListing.Describe(SecretsPath).ToList().ForEach(Console.WriteLine));

    Target SecretsEdit => _ => _
        .Description("Decrypt the secrets file to a 0600 temp file, open $EDITOR, re-encrypt; the temp file goes even on failure")
        .Executes(() => new SecretsEditor(Environment.GetEnvironmentVariable).EditAsync(SecretsPath, AgeKeySources.FromEnvironment()));

    Target SecretsSet => _ => _
        .Description("Set --key to the value on stdin (printf %s \"$VALUE\" | ./build.sh SecretsSet --key api_key)")
        .Requires(() => Key)
        .Executes(() => SecretsMaintenance.SetAsync(SecretsPath, Key!, SecretInput.ReadStandardInput(Key!), AgeKeySources.FromEnvironment()));

    Target SecretsRotate => _ => _
        .Description("Give the secrets file a new data key; --add-recipient / --remove-recipient change who can decrypt it")
        .Executes(() => SecretsMaintenance.RotateAsync(SecretsPath, AddRecipient, RemoveRecipient, AgeKeySources.FromEnvironment()));

    Target SecretsToEnv => _ => _
        .Description("Write --env's secrets as KEY=VALUE to .nuke/temp/<env>.env (mode 0600, git-ignored) for tools that need one")
        .Requires(() => Env)
        .Executes(() => SecretsMaintenance.WriteEnvFile(SecretValues, Env!, TemporaryDirectory / $"{Env}.env"));

    Target SecretsInit => _ => _
        .Description("Set up a new installation: your age key where sops looks, its recipient in .sops.yaml, the secrets file")
        .Executes(InitSecretsAsync);

    AbsolutePath SecretsPath => RootDirectory / SecretsFile;
    SecretsFileValues? _secretValues;
    SecretsFileValues SecretValues => _secretValues ??= new(SecretsPath, AgeKeySources.FromEnvironment());

    /// <summary>[Secret] parameters read the secrets file after the command line and environment: RegistryPassword is registry_password.</summary>
    protected override IParameterSource? SecretParameterSource => new SecretsParameterSource(SecretValues);

    /// <summary>What a deploy of <paramref name="environment"/> may hand to its containers (masked in every log line).</summary>
    IReadOnlyDictionary<string, string> SecretsFor(string environment) =>
        SecretValues.ForEnvironment(environment).ToDictionary(v => v.Key, v => v.Value.Reveal());

    string? RegistryLoginUser => RegistryUser ?? (SecretValues.TryGet("registry_user", out var user) ? user!.Reveal() : null);

    /// <summary>The embedded registry's login from the secrets file, when it has one; otherwise it generates its own.</summary>
    RegistryLogin? SecretsRegistryLogin => RegistryLoginUser is { } user && RegistryPassword is { } password ? new(user, password) : null;

    async Task InitSecretsAsync()
    {
        // Each compose secret read from a variable gets a random value, under the key that the deploy offers as that variable.
        var project = Deployer.LoadProject(DeployRequestFor(Environments.Names.First(), ImageRef.Parse("validation/placeholder:0"), "", ""));
        var keys = project.Secrets.Values.Select(s => s.Environment?.ToLowerInvariant()).OfType<string>();
        var result = await new SecretsInstaller(Environment.GetEnvironmentVariable).InitAsync(SecretsPath, keys);
        if (result.FileCreated) Serilog.Log.Information("Commit {File} and .sops.yaml; keep {KeyFile} safe and out of git", SecretsFile, result.KeyFile);
        else if (result.CanDecrypt) Serilog.Log.Information("{File} exists and your key can decrypt it; nothing else to do", SecretsFile);
        else Serilog.Log.Warning("{File} exists but is not encrypted for you; ask someone who can decrypt it to run ./build.sh SecretsRotate --add-recipient {Recipient}", SecretsFile, result.Recipient);
    }
}
