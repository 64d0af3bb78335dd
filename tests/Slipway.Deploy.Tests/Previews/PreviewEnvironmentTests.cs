using Slipway.Deploy.Previews;
using Slipway.Docker;

namespace Slipway.Deploy.Tests.Previews;

public class PreviewEnvironmentTests
{
    static PreviewSettings Settings(int pr = 42, string? preview = "tcp://sandbox:2375", string? prod = null) => new("shop", pr, preview, prod);

    [Fact]
    public void APreviewIsItsOwnProjectWithAPortDerivedFromThePullRequest()
    {
        var preview = PreviewEnvironment.For(Settings() with { PortBase = 20000 });

        Assert.Equal("pr-42", preview.Name);
        Assert.Equal("shop-pr-42", preview.ProjectName);
        Assert.Equal(20042, preview.Port);
        Assert.Equal(new Uri("http://sandbox:20042/"), preview.Url);
    }

    [Fact]
    public void TheDeployRequestPublishesThePortWithoutTheEdgeOrSecrets()
    {
        var request = PreviewEnvironment.For(Settings()).Request(["compose.yml", "preview.yml"], ImageRef.Parse("registry:5000/shop@sha256:" + new string('a', 64)), "abc", "1.0.0");

        Assert.Equal("shop-pr-42", request.ProjectName);
        Assert.Equal("10042", request.Variables[PreviewEnvironment.PortVariable]);
        Assert.False(request.UseEdge);
        Assert.Empty(request.Secrets);
    }

    [Fact]
    public void ALocalSocketPreviewAnswersOnLocalhostUnlessAHostIsGiven()
    {
        Assert.Equal("localhost", PreviewEnvironment.For(Settings(preview: "unix:///srv/sandbox.sock")).Url.Host);
        Assert.Equal("previews.example", PreviewEnvironment.For(Settings() with { PublicHost = "previews.example" }).Url.Host);
    }

    [Theory]
    [InlineData("unix:///var/run/docker.sock", null)]
    [InlineData("/var/run/docker.sock", "unix:///var/run/docker.sock")]
    [InlineData("tcp://LOCALHOST:2375", "tcp://127.0.0.1:2375")]
    [InlineData("tcp://prod:2375/", "tcp://prod:2375")]
    public void ThePreviewEngineBeingProdsIsRefusedInOneLine(string preview, string? prod)
    {
        var refused = Assert.Throws<PreviewException>(() => PreviewEnvironment.For(Settings(preview: preview, prod: prod)));

        Assert.StartsWith($"refusing to use {preview} for previews: it is the prod engine", refused.Message);
        Assert.DoesNotContain('\n', refused.Message);
    }

    [Fact]
    public void WithoutAPreviewEngineNothingIsGuessed()
    {
        var refused = Assert.Throws<PreviewException>(() => PreviewEnvironment.For(Settings(preview: " ")));
        Assert.StartsWith("no preview engine given; pass --preview-docker-host", refused.Message);
    }

    [Fact]
    public void APortOutsideTheRangeNamesTheBaseToChange()
    {
        var refused = Assert.Throws<PreviewException>(() => PreviewEnvironment.For(Settings(pr: 60000)));
        Assert.Equal("pull request 60000 would get port 70000 (--preview-port-base 10000 + 60000), outside 1024-65535; choose another --preview-port-base", refused.Message);
    }

    [Fact]
    public void EndpointsAreComparedAsTheEngineTheyReach()
    {
        Assert.True(DockerEndpointIdentity.AreSame("tcp://sandbox", "tcp://SANDBOX:2375"));
        Assert.True(DockerEndpointIdentity.AreSame(null, "unix:///var/run/docker.sock"));
        Assert.False(DockerEndpointIdentity.AreSame("tcp://sandbox:2375", "tcp://sandbox:2376"));
        Assert.False(DockerEndpointIdentity.AreSame("unix:///srv/sandbox.sock", "unix:///var/run/docker.sock"));
    }
}
