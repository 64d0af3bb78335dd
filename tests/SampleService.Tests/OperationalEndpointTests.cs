using System.Net;
using System.Text.Json;
using SampleService.Tests.Support;

namespace SampleService.Tests;

public sealed class OperationalEndpointTests : IDisposable
{
    private readonly ServiceFixture _service = new();

    [Fact]
    public async Task HealthAnswersHealthy()
    {
        var response = await _service.Client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"healthy"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReadyAnswersReadyOnceTheSchemaIsMigrated()
    {
        var response = await _service.Client.GetAsync("/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"ready"}""", await response.Content.ReadAsStringAsync());
        Assert.True(File.Exists(_service.DatabasePath));
    }

    [Fact]
    public async Task ReadyAnswers503WithTheReasonWhenTheDatabaseCannotBeCreated()
    {
        // Given a database path below a regular file, so its directory can never be created
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("not-a-directory"), "");
        using var factory = new ServiceFactory(directory.File("not-a-directory/readings.db"), directory.Path);
        using var client = factory.CreateClient();

        // When
        var response = await client.GetAsync("/ready");
        var health = await client.GetAsync("/health");

        // Then
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("unavailable", body.RootElement.GetProperty("status").GetString());
        Assert.Contains("not-a-directory/readings.db", body.RootElement.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task VersionReportsTheVersionTheCommitAndTheStartTime()
    {
        var response = await _service.Client.GetAsync("/version");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var names = body.RootElement.EnumerateObject().Select(property => property.Name);
        Assert.Equal(["version", "commit", "started"], names);
        Assert.Equal("0.0.0-local", body.RootElement.GetProperty("version").GetString());
        Assert.Equal("unknown", body.RootElement.GetProperty("commit").GetString());
        var started = body.RootElement.GetProperty("started").GetDateTime();
        Assert.Equal(DateTimeKind.Utc, started.Kind);
        Assert.InRange(started, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow);
    }

    public void Dispose() => _service.Dispose();
}
