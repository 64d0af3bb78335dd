using Docker.DotNet;
using Slipway.Deploy;
using Slipway.Deploy.Locking;
using Slipway.Deploy.Releases;
using Slipway.Docker;
using Slipway.Engine;

partial class Build
{
    [Parameter("Environment to deploy, roll back or inspect: one compose/<env>.yml each (dev, staging, prod)")]
    readonly string? Env;

    [Parameter("Deploy this instead of the current commit: a registry tag, a digest (sha256:...) or a release id (r7)")]
    readonly string? Version;

    [Parameter("Rollback target: a release id (default: the environment's stable release)")]
    readonly string? To;

    [Parameter("Folder with compose.yml (the base) and one <environment>.yml per environment")]
    readonly string ComposeDirectory = "compose";

    [Parameter("Releases kept per environment for rollback (the stable one is always kept)")]
    readonly int KeepReleases = 5;

    [Parameter("Refuse to promote to prod a digest that has not passed SmokeTest in dev or staging (default: on in CI)")]
    readonly bool RequireVerified = Environment.GetEnvironmentVariable("CI") is { Length: > 0 };

    [Parameter("How long to wait for another deploy's lock on the environment before failing")]
    readonly TimeSpan LockWait = TimeSpan.Zero;

    [Parameter("A lock older than this is stale (as is one whose process is gone from this host)")]
    readonly TimeSpan LockTimeout = TimeSpan.FromHours(1);

    [Parameter("Lock target: acquire, release or status")] readonly string LockAction = "status";
    [Parameter("Why the lock is taken (shown to whoever waits for it)")] readonly string? Message;
    [Parameter("Lock: break another build's lock; Restore: replace without asking")] readonly bool Force;

    [Parameter("Name of the volume on the deploy target that keeps release history, stable marks and audit logs")]
    readonly string StateName = Slipway.Deploy.State.StateStore.DefaultName;

    [Parameter("How long a new container may take to turn healthy")]
    readonly TimeSpan HealthTimeout = TimeSpan.FromMinutes(2);

    EnvironmentCatalog Environments => new(RootDirectory / ComposeDirectory);
    string Who => Environment.GetEnvironmentVariable("GITHUB_ACTOR") is { Length: > 0 } actor
        ? $"{actor} (CI run {Environment.GetEnvironmentVariable("GITHUB_RUN_NUMBER")})" : $"{Environment.UserName}@{Environment.MachineName}";
    string ProjectOf(string environment) => $"{ImageName}-{environment}";
    string? TargetEnvironment => IsInvoked(nameof(DeployProd)) ? "prod" : IsInvoked(nameof(DeployDev)) ? "dev" : Env;

    Release? _deployed;
    LockInfo? _lock;

    async Task<ReleaseManager> ReleasesAsync() => new(await DockerAsync(), new ReleaseSettings(KeepReleases, Who) { StateName = StateName });
    async Task<EnvironmentLock> LocksAsync() => new(await DockerAsync(), LockTimeout);

    /// <summary>Reads the environment's compose files before anything runs; a problem throws its one-line error.</summary>
    bool EnvironmentIsValid(string? environment)
    {
        var name = Environments.Require(environment);
        return Deployer.LoadProject(DeployRequestFor(name, ImageRef.Parse("validation/placeholder:0"), "", "")) is not null;
    }

    DeployRequest DeployRequestFor(string environment, ImageRef image, string commit, string version) => Switching(new(
        environment, ProjectOf(environment), [Environments.BaseFile, Environments.FileOf(environment)], image, commit, version));

    async Task DeployToAsync(string environment)
    {
        var image = await ImageToDeployAsync(environment);
        await LockAsync(environment, $"deploy {image.ByDigest.Digest?[7..19]}");
        var request = DeployRequestFor(environment, image.ByDigest, image.Commit, image.Version) with
        {
            Registry = await RegistryAsync(), Secrets = SecretsFor(environment),
        };
        await SetDeployStatusAsync(Slipway.Forge.Api.CommitState.Pending, $"deploying {image.Version} to {environment}");
        _deployed = await (await ReleasesAsync()).DeployAsync(request);
    }

    async Task<ResolvedImage> ImageToDeployAsync(string environment)
    {
        var resolver = new ImageResolver(await DockerAsync(), await RegistryAsync(), await ReleasesAsync());
        var image = Version is { Length: > 0 } version ? await resolver.ResolveAsync(ImageName, version, [environment, "dev", "staging"])
            : _pushedImage is not null ? await resolver.DescribeAsync(_pushedImage.ByDigest)
            : await resolver.DescribeAsync(CommitImage ?? throw new InvalidOperationException("no image was pushed for this commit"));
        if (environment == "prod" && RequireVerified && !await resolver.PassedSmokeTestInAsync(image.ByDigest.Digest!, ["dev", "staging"]))
            throw new ReleaseException($"refusing to promote {image.ByDigest} to prod: it has not passed SmokeTest in dev or staging (deploy it there first, or pass --require-verified false)");
        return image;
    }

    async Task LockAsync(string environment, string reason)
    {
        if (_lock?.Environment == environment) return;
        _lock = await (await LocksAsync()).AcquireAsync(environment, Who, reason, LockWait);
        await (await ReleasesAsync()).RecordAsync(environment, "lock", $"acquired for {reason}");
    }

    /// <summary>The lock is held through the smoke test and any automatic rollback, so it is released only here, at the very end.</summary>
    protected override void OnBuildFinished()
    {
        if (_lock is null) return;
        try
        {
            LocksAsync().GetAwaiter().GetResult().ReleaseAsync(_lock).GetAwaiter().GetResult();
            ReleasesAsync().GetAwaiter().GetResult().RecordAsync(_lock.Environment, "lock", "released").GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            Serilog.Log.Warning("Could not release the lock on {Environment}: {Reason}; ./build.sh Lock --lock-action release --env {Environment} --force", _lock.Environment, e.Message);
        }
    }
}
