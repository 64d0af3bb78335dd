using Slipway.Compose;
using Slipway.Deploy.Edge;
using Slipway.Docker;

namespace Slipway.Deploy.Tests;

public sealed class EdgeConfigTests
{
    static ComposeProject Load(string services) => new ComposeLoader().Load(
        [new ComposeSource("compose/prod.yml", "services:\n" + services)], new Dictionary<string, string>(), "shop-prod");

    static readonly ComposeProject Shop = Load("""
          app:
            image: registry/app@sha256:1
            ports: ["127.0.0.1:8000:8080"]
          worker:
            image: registry/worker@sha256:1
        """);

    static EdgeRouting Routing(params (string Service, string Container)[] upstreams) =>
        new(EdgeConfig.PortsOf(Shop), upstreams.ToDictionary(u => u.Service, u => u.Container));

    [Fact]
    public void TheEdgeOwnsEveryPublishedPortOnTheNetworksOfTheServicesBehindIt()
    {
        var spec = EdgeSpec.For(Shop, "base:1")!;

        var port = Assert.Single(spec.Ports);
        Assert.Equal(new EdgePort("app", "127.0.0.1", 8000, 8080), port);
        Assert.Equal(["shop-prod_default"], spec.Networks);
        Assert.Equal("shop-prod-edge", spec.ContainerName);
    }

    [Fact]
    public void AnEnvironmentThatPublishesNothingHasNoEdge() =>
        Assert.Null(EdgeSpec.For(Load("  worker:\n    image: registry/worker@sha256:1\n"), "base:1"));

    [Theory]
    [InlineData("[\"8000:8080/udp\"]", "UDP")]
    [InlineData("[\"8080\"]", "no host port")]
    [InlineData("[\"8000:8080\", \"8000:9090\"]", "published twice")]
    [InlineData("[\"65531:8080\"]", "status port")]
    public void PortsTheEdgeCannotOwnAreRefusedInOneLine(string ports, string expected)
    {
        var error = Assert.Throws<EdgeException>(() => EdgeConfig.PortsOf(Load($"  app:\n    image: registry/app@sha256:1\n    ports: {ports}\n")));

        Assert.Contains("service app", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void TheRoutesSendThePortsSocketToTheLiveContainerWithKeepAlive()
    {
        var routes = EdgeConfig.Render(Routing(("app", "shop-prod-app-1a2b3c4d")));

        Assert.Contains("server shop-prod-app-1a2b3c4d:8080 max_fails=0; keepalive 64;", routes);
        Assert.Contains("listen unix:/run/slipway/8000.sock;", routes);
        Assert.Contains($"listen 127.0.0.1:{EdgeImage.StatusPort};", routes);
    }

    [Fact]
    public void AServiceWithoutAReleaseYetAnswers503()
    {
        var routes = EdgeConfig.Render(Routing());

        Assert.Contains("return 503", routes);
        Assert.DoesNotContain("upstream ", routes);
    }

    [Fact]
    public void TheUpstreamsAreReadBackFromTheRenderedRoutes()
    {
        var routing = Routing(("app", "shop-prod-app-1a2b3c4d"));

        Assert.Equal(routing.Upstreams, EdgeConfig.Upstreams(EdgeConfig.Render(routing)));
    }

    [Fact]
    public void EverySwitchIsANewGeneration()
    {
        var blue = Routing(("app", "shop-prod-app-aaaaaaaa"));
        var green = blue.With("app", "shop-prod-app-bbbbbbbb");

        Assert.NotEqual(blue.Generation, green.Generation);
        Assert.Equal(blue.Generation, Routing(("app", "shop-prod-app-aaaaaaaa")).Generation);
        Assert.Contains(green.Generation, EdgeConfig.Render(green));
    }

    [Fact]
    public void TheFrontListensOnThePublicPortAndForwardsToTheBacksSocket()
    {
        var front = EdgeImage.FrontConf(EdgeConfig.PortsOf(Shop));

        Assert.Contains("listen 8000;", front);
        Assert.Contains("server unix:/run/slipway/8000.sock max_fails=0; keepalive 64;", front);
        Assert.Contains("proxy_next_upstream error timeout http_502;", front);
    }

    [Fact]
    public void TheEdgeContainerPublishesThePortsAndBelongsToTheProject()
    {
        var spec = EdgeSpec.For(Shop, "base:1")!.Container(ImageRef.Parse("slipway/edge:abc"), publish: true);

        Assert.Equal(new PortBindingSpec("127.0.0.1", 8000, 8000), Assert.Single(spec.Ports));
        Assert.Equal("shop-prod", spec.Labels[ComposeLabels.Project]);
        Assert.True(EdgeSpec.IsEdge(spec.Labels.ToDictionary()));
        Assert.Equal("unless-stopped", spec.RestartPolicy);
    }

    [Fact]
    public void TheEdgeImageTagFollowsItsContent() =>
        Assert.NotEqual(EdgeImage.Tag("base:1"), EdgeImage.Tag("base:2"));
}
