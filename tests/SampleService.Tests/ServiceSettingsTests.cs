using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace SampleService.Tests;

public sealed class ServiceSettingsTests
{
    [Fact]
    public void AnEmptyEnvironmentGivesTheContainerDefaults()
    {
        var settings = Read([]);

        Assert.Equal(new ServiceSettings(8080, LogLevel.Information, "/data/readings.db", "/run/secrets"), settings);
    }

    [Fact]
    public void EachSettingIsReadFromItsVariable()
    {
        var settings = Read(new()
        {
            ["PORT"] = "18080", ["LOG_LEVEL"] = "debug", ["READINGS_DB"] = "/tmp/r.db", ["SECRETS_DIR"] = "/tmp/s",
        });

        Assert.Equal(new ServiceSettings(18080, LogLevel.Debug, "/tmp/r.db", "/tmp/s"), settings);
    }

    [Theory]
    [InlineData("PORT", "http", "PORT 'http' is not a TCP port")]
    [InlineData("PORT", "70000", "PORT '70000' is not a TCP port")]
    [InlineData("LOG_LEVEL", "loud", "LOG_LEVEL 'loud' is not a log level")]
    public void AnInvalidSettingFailsNamingTheVariableAndTheFix(string name, string value, string problem)
    {
        var error = Assert.Throws<ServiceSettingsException>(() => Read(new() { [name] = value }));

        Assert.StartsWith(problem, error.Message);
        Assert.Contains($"set {name} to", error.Message);
    }

    private static ServiceSettings Read(Dictionary<string, string?> values) =>
        ServiceSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
}
