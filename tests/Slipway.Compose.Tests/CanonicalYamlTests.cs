using Slipway.Compose.Tests.Support;

namespace Slipway.Compose.Tests;

public sealed class CanonicalYamlTests
{
    private const string Ordered = """
        name: shop
        services:
          web:
            image: nginx
            environment: { A: "1", B: "2" }
            ports: ["80:80", "443:443"]
            depends_on: [db]
          db:
            image: postgres
        volumes:
          data:
        """;

    private const string Reordered = """
        volumes:
          data: {}
        services:
          db:
            image: postgres
          web:
            depends_on:
              db: { condition: service_started }
            ports:
              - "443:443"
              - target: 80
                published: 80
            environment: [B=2, A=1]
            image: nginx
        name: shop
        """;

    [Fact]
    public void TheHashIsStableAcrossKeyOrderAndEquivalentForms()
    {
        Assert.Equal(Inline.Load(Ordered).Hash, Inline.Load(Reordered).Hash);
    }

    [Fact]
    public void IdenticalContentHashesIdentically()
    {
        var first = Inline.Load(Ordered);
        var second = Inline.Load(Ordered);

        Assert.Equal(first.Hash, second.Hash);
        Assert.Matches("^[0-9a-f]{64}$", first.Hash);
    }

    [Fact]
    public void AChangedValueChangesTheHash()
    {
        var changed = Inline.Load(Ordered.Replace("\"2\"", "\"3\"", StringComparison.Ordinal));

        Assert.NotEqual(Inline.Load(Ordered).Hash, changed.Hash);
    }

    [Fact]
    public void AChangedVariableChangesTheHash()
    {
        const string yaml = "services:\n  web:\n    image: nginx:${TAG}\n";

        var first = Inline.Load(yaml, Inline.Variables(("TAG", "1")));
        var second = Inline.Load(yaml, Inline.Variables(("TAG", "2")));

        Assert.NotEqual(first.Hash, second.Hash);
    }

    [Fact]
    public void WarningsAndSourceFilesAreNotPartOfTheConfiguration()
    {
        var project = Inline.Load(Ordered);

        var renamed = project with { Warnings = ["something"], SourceFiles = ["elsewhere.yml"] };

        Assert.Equal(project.Hash, renamed.Hash);
    }

    [Fact]
    public void TheCanonicalTextIsSortedAndExplicit()
    {
        var text = Inline.Load(Ordered).ToCanonicalYaml();

        Assert.Equal("""
            name: "shop"
            services:
              db:
                image: "postgres"
                deploy:
                  replicas: 1
              web:
                image: "nginx"
                environment:
                  A: "1"
                  B: "2"
                ports:
                  - target: 80
                    published: 80
                    protocol: "tcp"
                  - target: 443
                    published: 443
                    protocol: "tcp"
                depends_on:
                  db:
                    condition: "service_started"
                deploy:
                  replicas: 1
            volumes:
              data:
                name: "shop_data"

            """.ReplaceLineEndings("\n"), text);
    }

    [Fact]
    public void DollarsQuotesAndNewlinesSurviveAReload()
    {
        var project = Inline.Load(Inline.WebYaml("environment:\n  PRICE: \"$$5 \\\"each\\\"\\nper line\"\n  \"odd key\": x"));

        var reloaded = Inline.Load(project.ToCanonicalYaml());

        Assert.Equal("$5 \"each\"\nper line", reloaded.Services["web"].Environment["PRICE"]);
        Assert.Equal("x", reloaded.Services["web"].Environment["odd key"]);
        Assert.Equal(project.Hash, reloaded.Hash);
    }
}
