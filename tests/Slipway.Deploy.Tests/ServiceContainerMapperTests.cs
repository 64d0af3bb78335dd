using Slipway.Compose;
using Slipway.Deploy;
using Slipway.Docker;

namespace Slipway.Deploy.Tests;

public sealed class ServiceContainerMapperTests
{
    const string Base = """
        services:
          app:
            image: ${IMAGE}
            environment:
              LOG_LEVEL: Information
            volumes:
              - data:/data
            networks:
              back:
                aliases: [api]
            ports:
              - "8001:8080"
        volumes:
          data: {}
        networks:
          back: {}
        """;

    static ComposeProject Load(string image = "registry/app@sha256:1") =>
        new ComposeLoader().Load([new ComposeSource("compose/compose.yml", Base)], new Dictionary<string, string> { ["IMAGE"] = image }, "shop-dev");

    static ContainerSpec Map(ComposeProject project) =>
        ServiceContainerMapper.Map(project, project.Services["app"], 1, new Dictionary<string, string> { ["org.slipway.commit"] = "abc" });

    [Fact]
    public void ContainersVolumesAndNetworksGetComposesNames()
    {
        var spec = Map(Load());

        Assert.Equal("shop-dev-app-1", spec.Name);
        Assert.Equal("shop-dev_data", Assert.Single(spec.Mounts).Source);
        Assert.Equal(["app", "api"], spec.Networks["shop-dev_back"]);
    }

    [Fact]
    public void ComposeLabelsLetComposeToolsSeeTheContainer()
    {
        var labels = Map(Load()).Labels;

        Assert.Equal("shop-dev", labels[ComposeLabels.Project]);
        Assert.Equal("app", labels[ComposeLabels.Service]);
        Assert.Equal("1", labels[ComposeLabels.ContainerNumber]);
        Assert.Equal("False", labels[ComposeLabels.OneOff]);
        Assert.Equal("abc", labels["org.slipway.commit"]);
    }

    [Fact]
    public void TheConfigHashIsStableAndFollowsTheImage()
    {
        var first = Map(Load()).Labels[ComposeLabels.ConfigHash];
        var again = Map(Load()).Labels[ComposeLabels.ConfigHash];
        var otherImage = Map(Load("registry/app@sha256:2")).Labels[ComposeLabels.ConfigHash];

        Assert.Equal(first, again);
        Assert.NotEqual(first, otherImage);
    }

    [Fact]
    public void PortsAndEnvironmentPassThrough()
    {
        var spec = Map(Load());

        var port = Assert.Single(spec.Ports);
        Assert.Equal((8001, 8080, "tcp"), (port.HostPort!.Value, port.ContainerPort, port.Protocol));
        Assert.Equal("Information", spec.Environment["LOG_LEVEL"]);
    }
}
