using System.Net;
using System.Net.Sockets;
using Docker.DotNet.Models;
using Slipway.Deploy.Previews;
using Slipway.Deploy.State;
using Slipway.Docker;
using Slipway.Integration.Tests.Support;

namespace Slipway.Integration.Tests;

/// <summary>DeployPreview and CleanupPreview as a pull request workflow runs them: the compiled build against the real engine.
/// The preview engine is the local one; prod is named as an address nothing listens on, so the two differ.</summary>
[Collection(EngineCollection.Name)]
public sealed class PreviewCliTests(EngineFixture engine) : IAsyncLifetime
{
    const string Repository = "slipway-it-preview";
    const string PreviewEngine = "unix:///var/run/docker.sock";
    const string ElsewhereProd = "tcp://127.0.0.1:9";
    static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    readonly string _stateName = $"slipway-state-it-{Guid.NewGuid():N}"[..28];
    readonly (int First, int Second, int PortBase) _numbers = PickNumbers();
    int FirstPr => _numbers.First;
    int SecondPr => _numbers.Second;
    int PortBase => _numbers.PortBase;

    /// <summary>Two pull request numbers and a port base whose two preview ports are free on this host.</summary>
    static (int, int, int) PickNumbers()
    {
        var first = Random.Shared.Next(100, 500);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var portBase = Random.Shared.Next(20000, 40000);
            if (IsFree(portBase + first) && IsFree(portBase + first + 1)) return (first, first + 1, portBase);
        }
        throw new InvalidOperationException("no two free ports found for the previews");
    }

    string ProjectOf(int pr) => $"{Repository}-pr-{pr}";

    public async Task InitializeAsync() => await SampleImages.PushAsync(engine, Repository, version: "1.0.0");

    public async Task DisposeAsync()
    {
        foreach (var pr in new[] { FirstPr, SecondPr })
            await new PreviewCleaner(engine.Docker).RemoveAsync(Preview(pr));
        await new StateStore(engine.Docker, _stateName).DestroyAsync();
    }

    PreviewEnvironment Preview(int pr) => PreviewEnvironment.For(new PreviewSettings(Repository, pr, PreviewEngine, ElsewhereProd) { PortBase = PortBase });

    Task<Slipway.Tooling.ToolResult> BuildAsync(string target, string pr, params string[] more) => BuildCli.RunAsync(
    [
        target, "--pr", pr, "--version", "1.0.0", "--registry-url", engine.Registry.Host, "--image-name", Repository,
        "--preview-docker-host", PreviewEngine, "--prod-docker-host", ElsewhereProd, "--preview-port-base", $"{PortBase}",
        "--state-name", _stateName, .. more,
    ]);

    [Fact]
    public async Task TwoPreviewsAnswerSideBySideAndCleanupLeavesNothingOfTheirProjectBehind()
    {
        // Given two pull requests' previews
        var first = await BuildAsync("DeployPreview", $"{FirstPr}");
        var second = await BuildAsync("DeployPreview", $"{SecondPr}");

        // Then each answers on its own port, from its own project, and the build said where (no forge here, so no comment)
        Assert.True(first.ExitCode == 0, first.StandardOutput);
        Assert.True(second.ExitCode == 0, second.StandardOutput);
        Assert.Contains($"http://localhost:{PortBase + FirstPr}/", first.StandardOutput);
        Assert.Contains("Not reporting the preview URL to the forge", first.StandardOutput);
        foreach (var pr in new[] { FirstPr, SecondPr })
        {
            Assert.Contains(EngineFixture.Commit, await Http.GetStringAsync($"http://127.0.0.1:{PortBase + pr}/version"));
            Assert.Equal("running", Assert.Single(await ContainersOf(pr)).State);
            Assert.Contains($"{ProjectOf(pr)}_default", await NetworksOf(pr));
            Assert.Contains($"{ProjectOf(pr)}_data", await VolumesOf(pr));
        }

        // When the first is cleaned up, twice
        var cleanup = await BuildAsync("CleanupPreview", $"{FirstPr}");
        var again = await BuildAsync("CleanupPreview", $"{FirstPr}");

        // Then nothing of its project is left, it said what it removed, the second run found nothing, and the other preview still answers
        Assert.True(cleanup.ExitCode == 0, cleanup.StandardOutput);
        Assert.Contains("Removed preview", cleanup.StandardOutput);
        Assert.Contains($"{ProjectOf(FirstPr)}_data", cleanup.StandardOutput);
        Assert.Empty(await ContainersOf(FirstPr));
        Assert.Empty(await NetworksOf(FirstPr));
        Assert.Empty(await VolumesOf(FirstPr));
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("nothing to remove", again.StandardOutput);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync($"http://127.0.0.1:{PortBase + SecondPr}/health")).StatusCode);
    }

    [Fact]
    public async Task APreviewEngineThatIsTheProdEngineIsRefusedBeforeAnythingIsCreated()
    {
        // /run/docker.sock is /var/run/docker.sock (the prod default) reached through the /var/run link
        var run = await BuildCli.RunAsync("DeployPreview", "--pr", $"{FirstPr}", "--version", "1.0.0", "--image-name", Repository,
            "--registry-url", engine.Registry.Host, "--preview-docker-host", "unix:///run/docker.sock", "--state-name", _stateName);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("refusing to use unix:///run/docker.sock for previews: it is the prod engine", run.StandardOutput);
        Assert.DoesNotContain("=== ", run.StandardOutput);
        Assert.Empty(await ContainersOf(FirstPr));
        Assert.Empty(await NetworksOf(FirstPr));
        Assert.Empty(await VolumesOf(FirstPr));
    }

    [Fact]
    public async Task AnEngineReachingTheSameDaemonAsProdUnderAnotherNameIsRefused()
    {
        var preview = Preview(FirstPr);

        var refused = await Assert.ThrowsAsync<PreviewException>(() => PreviewEngineGuard.ThrowIfProdAsync(engine.Docker, preview, "unix:///var/run/docker.sock"));

        Assert.Contains("reaches the same Docker engine as prod", refused.Message);
    }

    [Fact]
    public async Task APullRequestNumberThatIsNotANumberIsRefusedBeforeAnythingRuns()
    {
        var run = await BuildAsync("DeployPreview", "12abc");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'12abc' is not a pull request number", run.StandardOutput);
        Assert.DoesNotContain("=== ", run.StandardOutput);
    }

    async Task<IList<ContainerListResponse>> ContainersOf(int pr) =>
        await engine.Containers.ListAsync(new Dictionary<string, string> { [ComposeLabels.Project] = ProjectOf(pr) });

    async Task<List<string>> NetworksOf(int pr) =>
        [.. (await engine.Docker.Networks.ListNetworksAsync(new NetworksListParameters { Filters = PreviewCleaner.ProjectFilter(ProjectOf(pr)) })).Select(n => n.Name)];

    async Task<List<string>> VolumesOf(int pr) =>
        [.. ((await engine.Docker.Volumes.ListAsync(new VolumesListParameters { Filters = PreviewCleaner.ProjectFilter(ProjectOf(pr)) })).Volumes ?? []).Select(v => v.Name)];

    static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
