using Slipway.Compose.Tests.Support;

namespace Slipway.Compose.Tests;

public sealed class MergeTests
{
    private static readonly ComposeSource Base = new("compose/base.yml", """
        name: shop
        services:
          web:
            image: shop/web:1.0
            command: ["serve", "--port", "8080"]
            environment: { LOG_LEVEL: info, REGION: eu }
            labels: [tier=web, owner=team-a]
            ports: ["8080:8080", "9090"]
            expose: ["3000"]
            volumes: ["data:/data", "./config:/config:ro"]
            healthcheck:
              test: ["CMD", "curl", "-f", "http://localhost/health"]
              interval: 30s
              retries: 3
            depends_on: [db]
            networks: { front: { aliases: [shop] } }
            secrets: [db_password]
            restart: always
            user: app
          db:
            image: postgres:17
        volumes:
          data: { driver: local, labels: { backup: daily } }
        networks:
          front:
          back:
        secrets:
          db_password: { file: ./db.txt }
          api_key: { environment: API_KEY }
        """);

    private static readonly ComposeSource Prod = new("compose/prod.yml", """
        services:
          web:
            image: shop/web:2.0
            command: serve
            environment: [LOG_LEVEL=warn, TRACING=on]
            labels: { owner: team-b }
            ports: ["8080:8080", "443:8443"]
            expose: ["3000", "4000"]
            volumes:
              - ./prod-config:/config:ro
              - ./logs:/logs
            healthcheck:
              test: curl -f http://localhost/ready
              timeout: 5s
            depends_on:
              db: { condition: service_healthy }
            networks: [back]
            secrets: [{ source: api_key, target: api.key }]
            restart: unless-stopped
          worker:
            image: shop/worker:2.0
        volumes:
          data: { labels: { tier: hot } }
        secrets:
          db_password: { environment: DB_PASSWORD }
        """);

    private static ServiceSpec MergedWeb => Inline.LoadAll(Base, Prod).Services["web"];

    [Fact]
    public void ScalarsAreReplaced()
    {
        var web = MergedWeb;

        Assert.Equal("shop/web:2.0", web.Image);
        Assert.Equal(new RestartPolicy(RestartMode.UnlessStopped), web.Restart);
        Assert.Equal("app", web.User);
    }

    [Fact]
    public void CommandIsReplacedNotAppended()
    {
        Assert.Equal(["serve"], MergedWeb.Command);
    }

    [Fact]
    public void EnvironmentAndLabelsAreMergedByKey()
    {
        var web = MergedWeb;

        Assert.Equal(new Dictionary<string, string> { ["LOG_LEVEL"] = "warn", ["REGION"] = "eu", ["TRACING"] = "on" }, web.Environment);
        Assert.Equal(new Dictionary<string, string> { ["tier"] = "web", ["owner"] = "team-b" }, web.Labels);
    }

    [Fact]
    public void PortsAndExposeAreAppendedWithoutDuplicates()
    {
        var web = MergedWeb;

        Assert.Equal(
            [new PortMapping(null, 8080, 8080, PortProtocol.Tcp), new PortMapping(null, null, 9090, PortProtocol.Tcp), new PortMapping(null, 443, 8443, PortProtocol.Tcp)],
            web.Ports);
        Assert.Equal([new ExposedPort(3000, PortProtocol.Tcp), new ExposedPort(4000, PortProtocol.Tcp)], web.Expose);
    }

    [Fact]
    public void VolumesAreMergedByTargetAndRelativePathsResolveAgainstTheFirstFile()
    {
        Assert.Equal(
            [
                new VolumeMount(MountType.Volume, "data", "/data", false),
                new VolumeMount(MountType.Bind, Path.GetFullPath("compose/prod-config"), "/config", true),
                new VolumeMount(MountType.Bind, Path.GetFullPath("compose/logs"), "/logs", false),
            ],
            MergedWeb.Volumes);
    }

    [Fact]
    public void HealthcheckFieldsMergeAndItsTestIsReplaced()
    {
        var health = MergedWeb.Healthcheck!;

        Assert.Equal(["CMD-SHELL", "curl -f http://localhost/ready"], health.Test);
        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5), 3), (health.Interval, health.Timeout, health.Retries));
    }

    [Fact]
    public void DependsOnNetworksAndSecretsAreMergedByName()
    {
        var web = MergedWeb;

        Assert.Equal(new Dictionary<string, DependencyCondition> { ["db"] = DependencyCondition.ServiceHealthy }, web.DependsOn);
        Assert.Equal(["front", "back"], web.Networks.Keys);
        Assert.Equal(["shop"], web.Networks["front"].Aliases);
        Assert.Equal([new ServiceSecret("db_password", "db_password"), new ServiceSecret("api_key", "api.key")], web.Secrets);
    }

    [Fact]
    public void TopLevelDefinitionsAreMergedByName()
    {
        var project = Inline.LoadAll(Base, Prod);

        Assert.Equal(["web", "db", "worker"], project.Services.Keys);
        Assert.Equal("local", project.Volumes["data"].Driver);
        Assert.Equal(new Dictionary<string, string> { ["backup"] = "daily", ["tier"] = "hot" }, project.Volumes["data"].Labels);
        Assert.Equal(["front", "back"], project.Networks.Keys);
        Assert.Equal(new SecretSpec("db_password", null, "DB_PASSWORD"), project.Secrets["db_password"]);
        Assert.Equal(["compose/base.yml", "compose/prod.yml"], project.SourceFiles);
    }

    [Fact]
    public void AServiceOnlyInAnOverrideStillNeedsAnImage()
    {
        var error = Inline.RefuseAll(Base, new ComposeSource("compose/prod.yml", "services:\n  worker:\n    command: work\n"));

        Assert.Equal("compose/prod.yml:2:3 services/worker: missing required key 'image' (every service needs an image after merging all files)", error.Message);
    }

    [Fact]
    public void AnOverrideMaySupplyTheImageABaseServiceLacks()
    {
        var project = Inline.LoadAll(
            new ComposeSource("compose/base.yml", "services:\n  web:\n    command: serve\n"),
            new ComposeSource("compose/prod.yml", "services:\n  web:\n    image: nginx\n"));

        Assert.Equal("nginx", project.Services["web"].Image);
        Assert.Equal(["serve"], project.Services["web"].Command);
    }

    [Fact]
    public void AnOverrideMayUseADefinitionFromTheBase()
    {
        var project = Inline.LoadAll(Base, new ComposeSource("compose/prod.yml", "services:\n  db:\n    volumes: [data:/var/lib/postgresql/data]\n"));

        Assert.Equal("data", project.Services["db"].Volumes[0].Source);
    }
}
