using System.Diagnostics;
using Slipway.Deploy.Locking;
using Slipway.Deploy.State;
using Slipway.Docker;
using Slipway.Integration.Tests.Support;

namespace Slipway.Integration.Tests;

/// <summary>Deploy, promotion and rollback as release managers run them: the compiled build against the real engine and registry.</summary>
[Collection(EngineCollection.Name)]
public sealed partial class ReleaseCliTests(EngineFixture engine) : IAsyncLifetime
{
    const string Repository = "slipway-it-cli";
    const string OtherCommit = "fedcba9876543210fedcba9876543210fedcba98";
    static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    readonly string _environment = $"it{Guid.NewGuid():N}"[..10];
    readonly string _stateName = $"slipway-state-it-{Guid.NewGuid():N}"[..28];
    readonly string _composeDirectory = Support.Repository.TempDirectory("cli-compose");
    readonly int _port = FreePorts.Next();
    string ProjectName => $"{Repository}-{_environment}";

    public async Task InitializeAsync()
    {
        File.Copy(Path.Combine(Support.Repository.Root, "compose", "compose.yml"), Path.Combine(_composeDirectory, "compose.yml"));
        await File.WriteAllTextAsync(Path.Combine(_composeDirectory, $"{_environment}.yml"),
            $"services:\n  app:\n    ports:\n      - \"127.0.0.1:{_port}:8080\"\n");
        await SampleImages.PushAsync(engine, Repository, version: "1.0.0");
        await SampleImages.PushAsync(engine, Repository, labelCommit: OtherCommit, version: "6.6.6");
    }

    public async Task DisposeAsync()
    {
        foreach (var container in await engine.Containers.ListAsync(new Dictionary<string, string> { [ComposeLabels.Project] = ProjectName }))
            await engine.Containers.RemoveAsync(container.ID);
        await new VolumeOperations(engine.Docker).RemoveAsync($"{ProjectName}_data");
        await new NetworkOperations(engine.Docker).RemoveAsync($"{ProjectName}_default");
        await new EnvironmentLock(engine.Docker, TimeSpan.Zero).BreakAsync(_environment);
        await new StateStore(engine.Docker, _stateName).DestroyAsync();
    }

    string[] Args(string target, params string[] more) =>
    [
        target, "--env", _environment, "--registry-url", engine.Registry.Host, "--image-name", Repository,
        "--compose-directory", _composeDirectory, "--state-name", _stateName, "--smoke-attempts", "2", "--smoke-interval", "1s", .. more,
    ];

    Task<Slipway.Tooling.ToolResult> BuildAsync(string target, params string[] more) => BuildCli.RunAsync(Args(target, more));

    [Fact]
    public async Task AReleaseThatFailsItsSmokeTestIsRolledBackAutomaticallyAndTheBuildFails()
    {
        // Given a stable release
        var good = await BuildAsync("Deploy", "--version", "1.0.0");
        Assert.Equal(0, good.ExitCode);

        // When a release whose /version names another commit is deployed
        var bad = await BuildAsync("Deploy", "--version", "6.6.6");

        // Then the build fails, says what happened, and the stable release serves again
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("does not name commit fedcba987654", bad.StandardOutput);
        Assert.Contains("failed its smoke test", bad.StandardOutput);
        Assert.Matches(@"Rollback\s+Succeeded", bad.StandardOutput);
        Assert.Contains(EngineFixture.Commit, await Http.GetStringAsync($"http://127.0.0.1:{_port}/version"));
        var releases = await BuildAsync("Releases");
        Assert.Matches(@"r2 .* rolled back", releases.StandardOutput);
        Assert.Matches(@"r1 \* .* smoke passed", releases.StandardOutput);
    }

    [Fact]
    public async Task AnUnknownEnvironmentListsTheValidOnesBeforeAnythingRuns()
    {
        var run = await BuildCli.RunAsync("Deploy", "--env", "qa", "--compose-directory", _composeDirectory);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"unknown environment 'qa'; valid: {_environment}", run.StandardOutput);
        Assert.DoesNotContain("=== ", run.StandardOutput);
    }

    [Fact]
    public async Task AVersionTheRegistryDoesNotHaveIsRefusedAndNothingIsDeployed()
    {
        var run = await BuildAsync("Deploy", "--version", "7.7.7");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("version '7.7.7' is not in the registry", run.StandardOutput);
        Assert.Empty(await engine.Containers.ListAsync(new Dictionary<string, string> { [ComposeLabels.Project] = ProjectName }));
    }

    [Fact]
    public async Task ADeployWhileTheEnvironmentIsLockedFailsAtOnceNamingTheHolder()
    {
        var locked = await BuildAsync("Lock", "--lock-action", "acquire", "--message", "db maintenance");
        Assert.Equal(0, locked.ExitCode);

        var run = await BuildAsync("Deploy", "--version", "1.0.0");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is locked by", run.StandardOutput);
        Assert.Contains("db maintenance", run.StandardOutput);
        Assert.Empty(await engine.Containers.ListAsync(new Dictionary<string, string> { [ComposeLabels.Project] = ProjectName }));
        Assert.Equal(0, (await BuildAsync("Lock", "--lock-action", "release")).ExitCode);
    }

    [Fact]
    public async Task ABuildKilledInTheMiddleOfADeployConvergesWhenRunAgain()
    {
        // Given a deploy killed with SIGKILL once its new container exists
        Assert.Equal(0, (await BuildAsync("Deploy", "--version", "1.0.0")).ExitCode);
        var killed = await StartBuildAsync(Args("Deploy", "--version", "6.6.6"));
        await WaitUntilAsync(async () => (await AppContainersAsync()).Count > 1);
        killed.Kill(entireProcessTree: true);
        await killed.WaitForExitAsync();

        // When the deploy of the good release runs again
        var again = await BuildAsync("Deploy", "--version", "1.0.0");

        // Then the stale lock is broken, exactly one release container runs (the edge in front of it), and it serves
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("Breaking the stale lock", again.StandardOutput);
        Assert.Single(await AppContainersAsync(), c => c.State == "running");
        Assert.Contains(EngineFixture.Commit, await Http.GetStringAsync($"http://127.0.0.1:{_port}/version"));
    }

    async Task<IList<global::Docker.DotNet.Models.ContainerListResponse>> AppContainersAsync() =>
        await engine.Containers.ListAsync(new Dictionary<string, string> { [ComposeLabels.Project] = ProjectName, [ComposeLabels.Service] = "app" });

    static async Task<Process> StartBuildAsync(string[] args)
    {
        await BuildCli.RunAsync("--help"); // makes sure the build is compiled
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Support.Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(BuildCli.DllPath!);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment.Remove("CI");
        var process = Process.Start(info)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await condition()) return;
            await Task.Delay(50);
        }
        throw new TimeoutException("the condition did not hold within 30 s");
    }

}
