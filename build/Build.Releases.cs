using Slipway.Deploy;
using Slipway.Deploy.Releases;
using Slipway.Docker;
using Slipway.Engine;

partial class Build
{
    [Parameter("Base URL the smoke test checks; default: the environment's first published port")]
    readonly string? Url;

    [Parameter("Smoke test: attempts before giving up")] readonly int SmokeAttempts = 12;
    [Parameter("Smoke test: pause between attempts")] readonly TimeSpan SmokeInterval = TimeSpan.FromSeconds(5);
    [Parameter("Health path of the service")] readonly string HealthPath = "/health";
    [Parameter("Readiness path of the service")] readonly string ReadyPath = "/ready";
    [Parameter("Version path of the service; its answer must name the deployed commit")] readonly string VersionPath = "/version";
    [Parameter("Audit target: how many entries to show")] readonly int AuditLines = 20;

    bool SmokeTestFailed;

    async Task SmokeTestAsync()
    {
        var releases = await ReleasesAsync();
        var environment = _deployed?.Environment ?? Environments.Require(Env);
        var release = _deployed ?? await releases.RunningReleaseAsync(ProjectOf(environment), await releases.HistoryAsync(environment))
            ?? throw new ReleaseException($"nothing is deployed in {environment}; deploy first (./build.sh Deploy --env {environment})");
        var url = Url is { Length: > 0 } given ? new Uri(given) : Deployer.PublicUrl(Deployer.LoadProject(StoredRequest(release)))
            ?? throw new ReleaseException($"{environment} publishes no port; pass --url");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            await new SmokeTester(http).RunAsync(new SmokeTestPlan(url, HealthPath, ReadyPath, VersionPath, release.Commit)
            {
                Attempts = SmokeAttempts, Interval = SmokeInterval,
            });
        }
        catch (SmokeTestFailedException e)
        {
            SmokeTestFailed = _deployed is not null;
            await releases.RecordSmokeTestAsync(environment, release.Id, passed: false, e.Message);
            throw;
        }
        await releases.RecordSmokeTestAsync(environment, release.Id, passed: true, "");
        if (_deployed is not null) await SetDeployStatusAsync(Slipway.Forge.Api.CommitState.Success, $"{release.Id} passed its smoke test in {environment}");
        await new ImagePusher(new ImageOperations(await DockerAsync())).TagInRegistryAsync(ImageRef.Parse(release.Image), $"stable-{environment}", await RegistryAsync());
    }

    async Task RollbackAsync()
    {
        var environment = _deployed?.Environment ?? Environments.Require(Env);
        var reason = SmokeTestFailed ? $"automatic: release {_deployed!.Id} failed its smoke test" : Message ?? "by hand";
        await LockAsync(environment, "rollback");
        var target = await (await ReleasesAsync()).RollbackAsync(environment, ProjectOf(environment), To, reason, await RegistryAsync(),
            SecretsFor(environment), configure: Switching);
        if (target.State == ReleaseState.SmokePassed)
            await new ImagePusher(new ImageOperations(await DockerAsync())).TagInRegistryAsync(ImageRef.Parse(target.Image), $"stable-{environment}", await RegistryAsync());
        if (SmokeTestFailed) await RestoreDataAfterRollbackAsync(environment);
        if (SmokeTestFailed)
            Serilog.Log.Error("Release {Failed} failed its smoke test; {Environment} is back on {Release}; the build fails", _deployed!.Id, environment, target.Id);
    }

    DeployRequest StoredRequest(Release release) =>
        new(release.Environment, ProjectOf(release.Environment), [], ImageRef.Parse(release.Image), release.Commit, release.Version)
        {
            ReleaseId = release.Id, StoredConfig = release.Config,
        };

    async Task ListReleasesAsync()
    {
        var history = await (await ReleasesAsync()).HistoryAsync(Env!);
        Console.WriteLine(ReleaseReport.Table(history));
    }

    async Task ShowAuditAsync()
    {
        foreach (var entry in await (await ReleasesAsync()).AuditAsync(Env!, AuditLines))
            Console.WriteLine($"{entry.At:yyyy-MM-dd HH:mm:ss}Z  {entry.Who,-24} {entry.Action,-14} {entry.Detail}");
    }

    async Task ShowStatusAsync()
    {
        var releases = await ReleasesAsync();
        var locks = await LocksAsync();
        var rows = new List<EnvironmentStatus>();
        foreach (var environment in Environments.Names)
        {
            var history = await releases.HistoryAsync(environment);
            var running = await releases.RunningReleaseAsync(ProjectOf(environment), history);
            var health = await releases.HealthOfAsync(ProjectOf(environment));
            rows.Add(new EnvironmentStatus(environment, running, health, history.Stable, await locks.StatusAsync(environment)));
        }
        Console.WriteLine(ReleaseReport.Status(rows));
    }

    async Task LockByHandAsync()
    {
        var locks = await LocksAsync();
        var releases = await ReleasesAsync();
        switch (LockAction)
        {
            case "acquire":
                var taken = await locks.AcquireAsync(Env!, Who, Message ?? "locked by hand", LockWait, byHand: true);
                await releases.RecordAsync(Env!, "lock", $"acquired by hand: {taken.Reason}");
                Console.WriteLine($"{Env} locked: {taken}");
                break;
            case "release":
                var current = await locks.StatusAsync(Env!);
                if (current is null) { Console.WriteLine($"{Env} is not locked"); return; }
                if (!current.IsByHand && !current.IsStale(LockTimeout, DateTimeOffset.UtcNow) && !Force)
                    throw new ReleaseException($"{Env}'s lock belongs to a running build ({current}); pass --force to break it anyway");
                await locks.BreakAsync(Env!);
                await releases.RecordAsync(Env!, "lock", $"released by hand (was {current})");
                Console.WriteLine($"{Env} unlocked (was {current})");
                break;
            case "status":
                Console.WriteLine(await locks.StatusAsync(Env!) is { } held ? $"{Env} is locked by {held}" : $"{Env} is not locked");
                break;
            default:
                throw new ArgumentException($"unknown --lock-action '{LockAction}'; use acquire, release or status");
        }
    }
}
