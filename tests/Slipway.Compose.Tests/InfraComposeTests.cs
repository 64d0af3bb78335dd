using Slipway.Compose.Tests.Support;

namespace Slipway.Compose.Tests;

/// <summary>compose/infra.yml (and its Tailscale overlay) read through our loader: Forgejo, the dev and prod runners and the registry.
/// No Forgejo image can be pulled here, so the stack is checked as a model, not run.</summary>
public class InfraComposeTests
{
    static string Compose(params string[] parts) => Path.Combine([RepositoryRoot, "compose", .. parts]);

    static string RepositoryRoot => Path.GetFullPath(Path.Combine(RepoPaths.ComposeProject, "..", ".."));

    static readonly Dictionary<string, string> NoVariables = [];

    static ComposeProject Infra(bool tailscale = false) => new ComposeLoader().Load(
        tailscale ? [Compose("infra.yml"), Compose("infra", "tailscale.yml")] : [Compose("infra.yml")], NoVariables);

    [Fact]
    public void TheInfrastructureIsForgejoTwoRunnersAndTheRegistry()
    {
        var infra = Infra();

        Assert.Equal("slipway-infra", infra.Name);
        Assert.Equal(["forgejo", "registry", "runner-dev", "runner-prod"], infra.Services.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(infra.Warnings);
    }

    [Fact]
    public void ForgejoKeepsItsDataInAVolumeAndHasAHealthCheck()
    {
        var forgejo = Infra().Services["forgejo"];

        Assert.Contains(forgejo.Volumes, mount => mount.Source == "forgejo-data" && mount.Target == "/data");
        Assert.Equal(["CMD", "curl", "-fsS", "http://127.0.0.1:3000/api/healthz"], forgejo.Healthcheck!.Test);
        Assert.Equal("true", forgejo.Environment["FORGEJO__actions__ENABLED"]);
    }

    [Theory]
    [InlineData("runner-dev", "dev")]
    [InlineData("runner-prod", "prod")]
    public void EachRunnerRegistersWithItsLabelOnceForgejoIsHealthy(string service, string label)
    {
        var runner = Infra().Services[service];

        Assert.Equal(label, runner.Labels["org.slipway.infra.runner-label"]);
        Assert.StartsWith(label + ":", runner.Environment["RUNNER_LABELS"]);
        Assert.Equal(DependencyCondition.ServiceHealthy, runner.DependsOn["forgejo"]);
        Assert.Equal(new ServiceSecret($"runner_token_{label}", "runner_token"), Assert.Single(runner.Secrets));
        Assert.Contains("--labels \"$RUNNER_LABELS\"", runner.Command![2]);
        Assert.Contains(runner.Volumes, mount => mount.Source == $"{service}-data");
    }

    [Fact]
    public void TheRegistryAsksForAnHtpasswdLoginFromTheSecretsFile()
    {
        var infra = Infra();
        var registry = infra.Services["registry"];

        Assert.Equal("htpasswd", registry.Environment["REGISTRY_AUTH"]);
        Assert.Equal("/run/secrets/registry_htpasswd", registry.Environment["REGISTRY_AUTH_HTPASSWD_PATH"]);
        Assert.Equal("REGISTRY_HTPASSWD", infra.Secrets["registry_htpasswd"].Environment);
        Assert.Equal(5000, Assert.Single(registry.Ports).PublishedPort);
    }

    [Fact]
    public void TheTailscaleSidecarsComeOnlyWithTheirOverlay()
    {
        var infra = Infra(tailscale: true);

        Assert.Equal(["tailscale-git", "tailscale-registry"], infra.Services.Keys.Where(name => name.StartsWith("tailscale-")).Order(StringComparer.Ordinal));
        Assert.Equal("file:/run/secrets/tailscale_authkey", infra.Services["tailscale-git"].Environment["TS_AUTHKEY"]);
        Assert.True(File.Exists(infra.Services["tailscale-git"].Volumes.Single(m => m.Target == "/config/serve.json").Source));
        Assert.DoesNotContain(Infra().Services.Keys, name => name.StartsWith("tailscale-"));
    }
}
