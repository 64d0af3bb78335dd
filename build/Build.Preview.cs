using Slipway.Deploy;
using Slipway.Deploy.Previews;
using Slipway.Docker;
using Slipway.Engine;
using Slipway.Forge.Api;
using Slipway.Forge.Reporting;

/// <summary>Pull request previews: each PR's image in its own compose project and port on a Docker engine apart from prod's.</summary>
partial class Build
{
    [Parameter("Pull request of the preview (DeployPreview, CleanupPreview): its number, e.g. 42")]
    readonly string? Pr;

    [Parameter("Docker engine previews run on (unix:///path or tcp://host:port); required, and never the prod engine")]
    readonly string? PreviewDockerHost;

    [Parameter("Docker engine prod runs on, which previews refuse to use; default: the local socket")]
    readonly string? ProdDockerHost;

    [Parameter("The preview of pull request N publishes port <preview-port-base> + N on the preview engine")]
    readonly int PreviewPortBase = 10000;

    [Parameter("Host name in the preview URL commented on the pull request; default: the preview engine's host, or localhost")]
    readonly string? PreviewHost;

    Target DeployPreview => _ => _
        .Description("Deploy the pull request's image (--pr N) as <image>-pr-N on --preview-docker-host (never prod's), port base + N; comment its URL")
        .DependsOn(PushRegistry)
        .Requires(() => PreviewIsValid())
        .Executes(DeployPreviewAsync);

    Target CleanupPreview => _ => _
        .Description("Remove the preview of --pr N from --preview-docker-host: its containers, network and volumes (nothing left is fine)")
        .Requires(() => PreviewIsValid())
        .Executes(CleanupPreviewAsync);

    PreviewEnvironment? _preview;

    /// <summary>Checked before anything runs: the PR number, an engine that is not prod's, the port, and the compose files.</summary>
    PreviewEnvironment Preview => _preview ??= PreviewEnvironment.For(
        new PreviewSettings(ImageName, PullRequestNumber.Parse(Pr), PreviewDockerHost, ProdDockerHost)
        {
            PortBase = PreviewPortBase, PublicHost = PreviewHost,
        });

    AbsolutePath PreviewComposeFile => RootDirectory / ComposeDirectory / "preview" / "preview.yml";

    bool PreviewIsValid() => Deployer.LoadProject(PreviewRequest(ImageRef.Parse("validation/placeholder:0"), "", "")) is not null;

    DeployRequest PreviewRequest(ImageRef image, string commit, string version) =>
        Preview.Request([Environments.BaseFile, PreviewComposeFile], image, commit, version) with { HealthTimeout = HealthTimeout };

    async Task DeployPreviewAsync()
    {
        var image = await ImageToDeployAsync(Preview.Name);
        using var docker = await DockerConnection.ConnectAsync(Preview.DockerEndpoint);
        var request = PreviewRequest(image.ByDigest, image.Commit, image.Version) with { Registry = await RegistryAsync() };
        var url = await new PreviewDeployer(docker).DeployAsync(Preview, request, ProdDockerHost);
        await PreviewComments.TryPostDeployedAsync(Preview.PullRequest, url, image.Commit);
    }

    async Task CleanupPreviewAsync()
    {
        using var docker = await DockerConnection.ConnectAsync(Preview.DockerEndpoint);
        await PreviewEngineGuard.ThrowIfProdAsync(docker, Preview, ProdDockerHost);
        var removal = await new PreviewCleaner(docker).RemoveAsync(Preview);
        if (removal.RemovedAnything) await PreviewComments.TryPostRemovedAsync(Preview.PullRequest, removal.ProjectName);
    }

    static PreviewCommenter PreviewComments => PreviewCommenter.FromEnvironment(Run, ProcessEnvironment);
}
