using Slipway.Compose.Tests.Support;

namespace Slipway.Compose.Tests;

public sealed class ResourceTests
{
    [Fact]
    public void VolumesReadEmptyOrWithOptionsAndGetTheirEngineNames()
    {
        var project = Inline.Load("""
            name: shop
            services: { web: { image: nginx } }
            volumes:
              data:
              cache: {}
              pgdata:
                name: shop-pg
                driver: local
                labels: { backup: daily }
              uploads:
                external: true
                labels: [tier=cold]
            """);

        Assert.Equal(("shop_data", null, false), (project.Volumes["data"].Name, project.Volumes["data"].Driver, project.Volumes["data"].External));
        Assert.Empty(project.Volumes["data"].Labels);
        Assert.Equal("shop_cache", project.Volumes["cache"].Name);
        Assert.Equal(("shop-pg", "local", "daily"), (project.Volumes["pgdata"].Name, project.Volumes["pgdata"].Driver, project.Volumes["pgdata"].Labels["backup"]));
        Assert.Equal(("uploads", true, "cold"), (project.Volumes["uploads"].Name, project.Volumes["uploads"].External, project.Volumes["uploads"].Labels["tier"]));
    }

    [Fact]
    public void NetworksReadEmptyOrWithOptionsAndGetTheirEngineNames()
    {
        var project = Inline.Load("""
            name: shop
            services: { web: { image: nginx } }
            networks:
              front:
              back:
                driver: bridge
                internal: true
                labels: { tier: back }
              edge:
                name: proxy
                external: true
            """);

        var back = project.Networks["back"];
        Assert.Equal("shop_front", project.Networks["front"].Name);
        Assert.Equal(("shop_back", "bridge", true, false, "back"), (back.Name, back.Driver, back.Internal, back.External, back.Labels["tier"]));
        Assert.Equal(("proxy", true), (project.Networks["edge"].Name, project.Networks["edge"].External));
    }

    [Fact]
    public void SecretsReadFromAFileOrAVariableName()
    {
        var project = Inline.Load("""
            services: { web: { image: nginx } }
            secrets:
              db_password: { file: ./secrets/db.txt }
              api_key: { environment: API_KEY }
            """);

        Assert.Equal(new SecretSpec("db_password", Path.GetFullPath("compose/secrets/db.txt"), null), project.Secrets["db_password"]);
        Assert.Equal(new SecretSpec("api_key", null, "API_KEY"), project.Secrets["api_key"]);
    }

    [Theory]
    [InlineData("{ file: a.txt, environment: A }")]
    [InlineData("{}")]
    public void ASecretNeedsExactlyOneSource(string secret)
    {
        var error = Inline.Refuse($"services: {{ web: {{ image: nginx }} }}\nsecrets:\n  token: {secret}");

        Assert.Equal("compose/app.yml:3:3 secrets/token: a secret needs exactly one of 'file' or 'environment'", error.Message);
    }

    [Fact]
    public void AnUnsupportedVolumeOptionIsRefused()
    {
        var error = Inline.Refuse("services: { web: { image: nginx } }\nvolumes:\n  data:\n    driver_opts: { type: nfs }");

        Assert.Equal("compose/app.yml:4:5 volumes/data: unsupported key 'driver_opts' (supported: name, driver, labels, external)", error.Message);
    }
}
