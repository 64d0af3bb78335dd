using Slipway.Compose;
using Slipway.Docker;

namespace Slipway.Deploy.Tests;

public sealed class BlueGreenReplacerTests
{
    static ContainerSpec Map(string release, string configFiles = "compose/prod.yml")
    {
        var project = new ComposeLoader().Load([new ComposeSource(configFiles, """
            services:
              app:
                image: registry/app@sha256:1
                ports: ["8000:8080"]
            """)], new Dictionary<string, string>(), "shop-prod");
        return ServiceContainerMapper.Map(project, project.Services["app"], 1, new Dictionary<string, string> { ["org.slipway.release"] = release });
    }

    [Fact]
    public void ANewReleaseRunsBesideTheOldOneWithoutAHostPort()
    {
        var spec = BlueGreenReplacer.SideBySide(Map("r1"), "shop-prod", "app");

        Assert.Empty(spec.Ports);
        Assert.Matches("^shop-prod-app-[0-9a-f]{8}$", spec.Name);
    }

    [Fact]
    public void EachReleaseGetsItsOwnContainerName() =>
        Assert.NotEqual(BlueGreenReplacer.SideBySide(Map("r1"), "shop-prod", "app").Name, BlueGreenReplacer.SideBySide(Map("r2"), "shop-prod", "app").Name);

    [Fact]
    public void ARollbackFromTheStoredConfigurationFindsTheKeptContainerByName() =>
        Assert.Equal(BlueGreenReplacer.SideBySide(Map("r1"), "shop-prod", "app").Name,
            BlueGreenReplacer.SideBySide(Map("r1", "release r1 (stored configuration)"), "shop-prod", "app").Name);
}
