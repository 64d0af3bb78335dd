using Slipway.Docker;

namespace Slipway.Docker.Tests;

public sealed class ContainerRequestTests
{
    static readonly ContainerSpec Spec = new("proj-app-1", "registry/app@sha256:1")
    {
        Environment = new Dictionary<string, string> { ["LOG_LEVEL"] = "Debug" },
        Ports = [new PortBindingSpec("127.0.0.1", 8001, 8080)],
        Mounts = [new MountSpec("volume", "proj_data", "/data")],
        Healthcheck = new HealthcheckSpec(["CMD", "true"], TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(3), 3, TimeSpan.FromSeconds(30)),
        RestartPolicy = "on-failure:4",
        Networks = new Dictionary<string, IReadOnlyList<string>> { ["proj_default"] = ["app"], ["proj_back"] = ["api"] },
        Labels = new Dictionary<string, string> { ["com.docker.compose.project"] = "proj" },
    };

    [Fact]
    public void PortsEnvironmentAndMountsAreRenderedForTheEngine()
    {
        var request = ContainerRequest.Create(Spec);

        Assert.Equal(["LOG_LEVEL=Debug"], request.Env);
        var binding = Assert.Single(request.HostConfig!.PortBindings!["8080/tcp"]);
        Assert.Equal(("127.0.0.1", "8001"), (binding.HostIP, binding.HostPort));
        Assert.Contains("8080/tcp", request.ExposedPorts!.Keys);
        var mount = Assert.Single(request.HostConfig!.Mounts!);
        Assert.Equal(("volume", "proj_data", "/data"), (mount.Type, mount.Source, mount.Target));
    }

    [Fact]
    public void TheHealthcheckAndRestartPolicyKeepTheirValues()
    {
        var request = ContainerRequest.Create(Spec);

        Assert.Equal(["CMD", "true"], request.Healthcheck!.Test);
        Assert.Equal(TimeSpan.FromSeconds(30), request.Healthcheck!.StartPeriod);
        Assert.Equal(3, request.Healthcheck!.Retries);
        Assert.Equal(4, request.HostConfig!.RestartPolicy!.MaximumRetryCount);
    }

    [Fact]
    public void TheContainerIsCreatedOnItsFirstNetworkOnly()
    {
        var request = ContainerRequest.Create(Spec);

        Assert.Equal("proj_default", request.HostConfig!.NetworkMode);
        var endpoint = Assert.Single(request.NetworkingConfig!.EndpointsConfig!);
        Assert.Equal(["app"], endpoint.Value.Aliases);
    }

    [Fact]
    public void ADisabledHealthcheckIsSentAsNone() =>
        Assert.Equal(["NONE"], ContainerRequest.Create(Spec with { HealthcheckDisabled = true }).Healthcheck!.Test);

    [Fact]
    public void AnUnknownRestartPolicyIsRefused() =>
        Assert.Contains("sometimes", Assert.Throws<ArgumentException>(() => ContainerRequest.Create(Spec with { RestartPolicy = "sometimes" })).Message);
}
