using Slipway.Deploy;
using Slipway.Deploy.Infra;
using Slipway.Engine;
using Slipway.Forge.Api;
using Slipway.Forge.Workflows;
using Slipway.Secrets;
using Slipway.Secrets.Pipeline;

/// <summary>The delivery infrastructure: Forgejo, the dev and prod runners and the registry (compose/infra.yml), and runner tokens.</summary>
partial class Build
{
    [Parameter("InfraUp: also start the Tailscale sidecars of compose/infra/tailscale.yml")]
    readonly bool InfraTailscale;

    [Parameter("RegisterRunner: the runner's label (one of [ForgejoRunners]: dev, prod); the token is stored as runner_token_<label>")]
    readonly string? RunnerLabel;

    [Parameter("RegisterRunner: whose runners: repository (default), organization (the repository's owner) or instance (admin token)")]
    readonly string RunnerScope = "repository";

    [Parameter("Forgejo's URL for RegisterRunner, e.g. http://localhost:3000")]
    readonly string? ForgejoUrl;

    [Parameter("RegisterRunner: the repository on Forgejo, owner/name")]
    readonly string? ForgejoRepository;

    [Parameter("Forgejo API token for RegisterRunner (write:repository; default: forgejo_token from the secrets file, or FORGEJO_TOKEN)"), Secret]
    readonly string? ForgejoToken;

    Target InfraUp => _ => _
        .Description("Start Forgejo, the dev and prod runners and the registry (compose/infra.yml, --infra-tailscale adds sidecars) on --docker-host")
        .Requires(() => InfraIsValid())
        .Executes(async () => await new InfraStack(await DockerAsync()).UpAsync(InfraRequest));

    Target RegisterRunner => _ => _
        .Description("Get a runner registration token for --runner-label from Forgejo's API (1.21 and later, deprecated in 15) into the secrets file")
        .Requires(() => ForgejoUrl).Requires(() => ForgejoRepository).Requires(() => ForgejoToken)
        .Requires(() => RunnerLabelIsDeclared())
        .Before(InfraUp)
        .Executes(RegisterRunnerAsync);

    DeployRequest InfraRequest => InfraStack.Request(
        InfraTailscale ? [RootDirectory / ComposeDirectory / "infra.yml", RootDirectory / ComposeDirectory / "infra" / "tailscale.yml"]
            : [RootDirectory / ComposeDirectory / "infra.yml"],
        SecretsFor(InfraStack.EnvironmentName));

    /// <summary>Reads the infrastructure's compose files before anything runs; a problem throws its one-line error.</summary>
    bool InfraIsValid() => Deployer.LoadProject(InfraRequest) is not null;

    bool RunnerLabelIsDeclared()
    {
        var labels = WorkflowDeclaration.Read(typeof(Build)).RunnerLabels;
        return labels.Contains(RunnerLabel ?? "", StringComparer.Ordinal)
            ? true : throw new ArgumentException($"unknown runner label '{RunnerLabel}'; pass --runner-label with one of: {string.Join(", ", labels)}");
    }

    async Task RegisterRunnerAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var forgejo = new ForgejoForge(new Uri(ForgejoUrl!), ForgeRepository.Parse(ForgejoRepository!), new ForgeToken(ForgejoToken!), http);
        var token = await forgejo.GetRunnerRegistrationTokenAsync(RunnerScopes.Parse(RunnerScope));
        var key = $"runner_token_{RunnerLabel}";
        await SecretsMaintenance.SetAsync(SecretsPath, key, new SecretValue(token.Reveal()), AgeKeySources.FromEnvironment());
        Serilog.Log.Information("Stored a registration token for the {Label} runner as {Key} in {File}; ./build.sh InfraUp starts the runner with it",
            RunnerLabel, key, SecretsFile);
    }
}
