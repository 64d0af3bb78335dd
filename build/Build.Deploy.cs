using Slipway.Deploy;
using Slipway.Engine;

partial class Build
{
    [Parameter("Folder with compose.yml (the base) and one <environment>.yml per environment")]
    readonly string ComposeDirectory = "compose";

    [Parameter("How long a new container may take to turn healthy")]
    readonly TimeSpan HealthTimeout = TimeSpan.FromMinutes(2);

    [Parameter("Base URL the smoke test checks; default: the deployed environment's first published port")]
    readonly string? Url;

    [Parameter("Smoke test: attempts before giving up")]
    readonly int SmokeAttempts = 12;

    [Parameter("Smoke test: pause between attempts")]
    readonly TimeSpan SmokeInterval = TimeSpan.FromSeconds(5);

    [Parameter("Health path of the service")] readonly string HealthPath = "/health";
    [Parameter("Readiness path of the service")] readonly string ReadyPath = "/ready";
    [Parameter("Version path of the service; its answer must name the deployed commit")] readonly string VersionPath = "/version";

    Uri? _deployedUrl;
    string _deployedEnvironment = "dev";

    DeployRequest DeployRequestFor(string environment, Slipway.Docker.ImageRef image) => new(
        environment, $"{ImageName}-{environment}",
        [RootDirectory / ComposeDirectory / "compose.yml", RootDirectory / ComposeDirectory / $"{environment}.yml"], image, Git.Commit, ReleaseVersion)
    {
        HealthTimeout = HealthTimeout,
    };

    /// <summary>Reads the environment's compose files before anything runs; a problem throws its one-line error.</summary>
    bool ComposeFilesAreValid(string environment) =>
        Deployer.LoadProject(DeployRequestFor(environment, Slipway.Docker.ImageRef.Parse("validation/placeholder:0"))) is not null;

    async Task DeployAsync(string environment)
    {
        _deployedEnvironment = environment;
        var result = await new Deployer(await DockerAsync()).DeployAsync(DeployRequestFor(environment, _pushedImage!.ByDigest));
        _deployedUrl = result.PublicUrl;
    }

    async Task SmokeTestAsync()
    {
        var url = Url is { Length: > 0 } given ? new Uri(given)
            : _deployedUrl ?? Deployer.LoadProjectUrl(DeployRequestFor(_deployedEnvironment, Slipway.Docker.ImageRef.Parse("unused:latest")))
            ?? throw new InvalidOperationException($"the {_deployedEnvironment} environment publishes no port; pass --url");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await new SmokeTester(http).RunAsync(new SmokeTestPlan(url, HealthPath, ReadyPath, VersionPath, Git.Commit)
        {
            Attempts = SmokeAttempts, Interval = SmokeInterval,
        });
    }
}
