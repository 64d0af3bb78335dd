using Slipway.Compose.Tests.Support;

namespace Slipway.Compose.Tests;

public sealed class HealthcheckTests
{
    [Fact]
    public void AnExecTestAndItsTimingsAreRead()
    {
        var web = Inline.Web("""
            healthcheck:
              test: ["CMD", "curl", "-f", "http://localhost/health"]
              interval: 1m30s
              timeout: 500ms
              retries: 5
              start_period: 1h
            """);

        Assert.Equal(
            new HealthcheckSpec(null, TimeSpan.FromSeconds(90), TimeSpan.FromMilliseconds(500), 5, TimeSpan.FromHours(1), false),
            web.Healthcheck! with { Test = null });
        Assert.Equal(["CMD", "curl", "-f", "http://localhost/health"], web.Healthcheck!.Test);
    }

    [Fact]
    public void AShellTestReadsAsAListOrAString()
    {
        var fromList = Inline.Web("healthcheck:\n  test: [\"CMD-SHELL\", \"curl -f localhost || exit 1\"]");
        var fromString = Inline.Web("healthcheck:\n  test: curl -f localhost || exit 1");

        Assert.Equal(["CMD-SHELL", "curl -f localhost || exit 1"], fromList.Healthcheck!.Test);
        Assert.Equal(["CMD-SHELL", "curl -f localhost || exit 1"], fromString.Healthcheck!.Test);
    }

    [Fact]
    public void ANoneTestOrDisableTrueTurnsTheCheckOff()
    {
        var none = Inline.Web("healthcheck:\n  test: [\"NONE\"]");
        var disabled = Inline.Web("healthcheck:\n  disable: true");
        var enabled = Inline.Web("healthcheck:\n  disable: false");

        Assert.True(none.Healthcheck!.Disabled);
        Assert.True(disabled.Healthcheck!.Disabled);
        Assert.False(enabled.Healthcheck!.Disabled);
    }

    [Theory]
    [InlineData("[\"curl\", \"-f\"]")]
    [InlineData("[\"CMD\"]")]
    [InlineData("[\"CMD-SHELL\", \"a\", \"b\"]")]
    public void AnInvalidTestListIsRefused(string test)
    {
        var error = Inline.RefuseWeb($"healthcheck:\n  test: {test}");

        Assert.Equal("compose/app.yml:5:13 services/web/healthcheck/test: invalid healthcheck test "
            + "(use [\"CMD\", program, args...], [\"CMD-SHELL\", command], [\"NONE\"] or a command string)", error.Message);
    }

    [Fact]
    public void ABadDurationIsRefusedWithTheFormat()
    {
        var error = Inline.RefuseWeb("healthcheck:\n  interval: 10x");

        Assert.Equal("compose/app.yml:5:17 services/web/healthcheck/interval: invalid duration '10x' (use compose's format, e.g. 500ms, 10s, 1m30s, 1h)", error.Message);
    }

    [Fact]
    public void ABadRetryCountIsRefused()
    {
        var error = Inline.RefuseWeb("healthcheck:\n  retries: many");

        Assert.Equal("compose/app.yml:5:16 services/web/healthcheck/retries: invalid retry count 'many' (expected a whole number of at least 0)", error.Message);
    }

    [Fact]
    public void ABadBooleanIsRefused()
    {
        var error = Inline.RefuseWeb("healthcheck:\n  disable: sometimes");

        Assert.Equal("compose/app.yml:5:16 services/web/healthcheck/disable: invalid boolean 'sometimes' (expected true or false)", error.Message);
    }
}
