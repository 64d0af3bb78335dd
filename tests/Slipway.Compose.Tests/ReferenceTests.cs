using Slipway.Compose.Tests.Support;

namespace Slipway.Compose.Tests;

public sealed class ReferenceTests
{
    [Fact]
    public void DependsOnReadsAsAListOfNames()
    {
        var project = Inline.Load("services:\n  db:\n    image: postgres\n  web:\n    image: nginx\n    depends_on: [db]");

        Assert.Equal(new Dictionary<string, DependencyCondition> { ["db"] = DependencyCondition.ServiceStarted }, project.Services["web"].DependsOn);
    }

    [Fact]
    public void DependsOnReadsAsAMapOfConditions()
    {
        var project = Inline.Load("""
            services:
              db: { image: postgres }
              migrate: { image: migrate }
              cache: { image: redis }
              web:
                image: nginx
                depends_on:
                  db: { condition: service_healthy }
                  migrate: { condition: service_completed_successfully }
                  cache:
            """);

        Assert.Equal(
            new Dictionary<string, DependencyCondition>
            {
                ["db"] = DependencyCondition.ServiceHealthy,
                ["migrate"] = DependencyCondition.ServiceCompletedSuccessfully,
                ["cache"] = DependencyCondition.ServiceStarted,
            },
            project.Services["web"].DependsOn);
    }

    [Fact]
    public void AnUnknownConditionIsRefused()
    {
        var error = Inline.Refuse("services:\n  db: { image: postgres }\n  web:\n    image: nginx\n    depends_on:\n      db: { condition: service_ready }");

        Assert.Equal("compose/app.yml:6:24 services/web/depends_on/db/condition: invalid condition 'service_ready' "
            + "(use service_started, service_healthy or service_completed_successfully)", error.Message);
    }

    [Fact]
    public void ADependencyOnAnUnknownServiceIsRefused()
    {
        var error = Inline.Refuse("services:\n  db: { image: postgres }\n  web:\n    image: nginx\n    depends_on: [dbb]");

        Assert.Equal("compose/app.yml:5:18 services/web/depends_on/0: depends on unknown service 'dbb' (services: db)", error.Message);
    }

    [Fact]
    public void AServiceThatDependsOnItselfIsRefused()
    {
        var error = Inline.RefuseWeb("depends_on: [web]");

        Assert.Equal("compose/app.yml:4:18 services/web/depends_on/0: service 'web' depends on itself (remove this entry)", error.Message);
    }

    [Fact]
    public void ADependencyCycleIsRefusedNamingTheCycle()
    {
        var error = Inline.Refuse("""
            services:
              web: { image: nginx, depends_on: [api] }
              api: { image: api, depends_on: [db] }
              db: { image: postgres, depends_on: [web] }
            """);

        Assert.Equal("compose/app.yml:2:37 services/web/depends_on/0: dependency cycle web -> api -> db -> web (remove one of these depends_on entries)", error.Message);
    }

    [Fact]
    public void NetworksReadAsAListOrAMapWithAliases()
    {
        var project = Inline.Load("""
            services:
              web:
                image: nginx
                networks:
                  front:
                  back: { aliases: [shop, store] }
              worker:
                image: worker
                networks: [back, default]
            networks:
              front:
              back:
            """);

        Assert.Equal(["front", "back"], project.Services["web"].Networks.Keys);
        Assert.Empty(project.Services["web"].Networks["front"].Aliases);
        Assert.Equal(["shop", "store"], project.Services["web"].Networks["back"].Aliases);
        Assert.Equal(["back", "default"], project.Services["worker"].Networks.Keys);
    }

    [Fact]
    public void AnUndeclaredNetworkIsRefused()
    {
        var error = Inline.RefuseWeb("networks: [front]");

        Assert.Equal("compose/app.yml:4:16 services/web/networks/0: network 'front' is not declared (add it under top-level networks)", error.Message);
    }

    [Fact]
    public void SecretsReadAsNamesOrSourceAndTarget()
    {
        var web = Inline.Web(
            "secrets:\n  - db_password\n  - source: api_key\n    target: /etc/api.key\n  - source: tls\n",
            "secrets:\n  db_password: { file: ./db.txt }\n  api_key: { environment: API_KEY }\n  tls: { file: /etc/tls.pem }\n");

        Assert.Equal(
            [new ServiceSecret("db_password", "db_password"), new ServiceSecret("api_key", "/etc/api.key"), new ServiceSecret("tls", "tls")],
            web.Secrets);
    }

    [Fact]
    public void AnUndeclaredSecretIsRefused()
    {
        var error = Inline.RefuseWeb("secrets: [db_password]");

        Assert.Equal("compose/app.yml:4:15 services/web/secrets/0: secret 'db_password' is not declared (add it under top-level secrets)", error.Message);
    }

    [Fact]
    public void ASecretTargetThatIsARelativePathIsRefused()
    {
        var error = Inline.RefuseWeb("secrets:\n  - source: a\n    target: dir/a", "secrets:\n  a: { environment: A }\n");

        Assert.Equal("compose/app.yml:5:9 services/web/secrets/0: invalid secret target 'dir/a' (use a file name under /run/secrets, or an absolute path)", error.Message);
    }
}
