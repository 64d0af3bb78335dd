using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SampleService.Tests.Support;

namespace SampleService.Tests;

public sealed class ReadingEndpointTests : IDisposable
{
    private readonly ServiceFixture _service = new();

    [Fact]
    public async Task ACreatedReadingIsAnsweredWithItsIdTimeAndLocation()
    {
        var before = DateTime.UtcNow;

        var response = await _service.Client.PostAsJsonAsync("/readings", new { sensor = "s1", value = 21.5 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var names = body.RootElement.EnumerateObject().Select(property => property.Name);
        Assert.Equal(["id", "sensor", "value", "at"], names);
        Assert.Equal(1, body.RootElement.GetProperty("id").GetInt64());
        Assert.Equal("s1", body.RootElement.GetProperty("sensor").GetString());
        Assert.Equal(21.5, body.RootElement.GetProperty("value").GetDouble());
        Assert.InRange(body.RootElement.GetProperty("at").GetDateTime(), before, DateTime.UtcNow);
        Assert.Equal("/readings/1", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task AReadingCanBeFetchedByItsId()
    {
        var created = await _service.PostReadingAsync("s1", 21.5);

        var fetched = await _service.Client.GetFromJsonAsync<Reading>($"/readings/{created.Id}");

        Assert.Equal(created, fetched);
    }

    [Fact]
    public async Task AMissingReadingAnswers404()
    {
        var response = await _service.Client.GetAsync("/readings/42");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ReadingsAreListedNewestFirst()
    {
        var first = await _service.PostReadingAsync("s1", 1);
        var second = await _service.PostReadingAsync("s2", 2);
        var third = await _service.PostReadingAsync("s1", 3);

        var listed = await ServiceFixture.GetReadingsAsync(_service.Client);

        Assert.Equal([third, second, first], listed);
    }

    [Fact]
    public async Task TheSensorQueryListsOnlyThatSensor()
    {
        var first = await _service.PostReadingAsync("s1", 1);
        await _service.PostReadingAsync("s2", 2);
        var third = await _service.PostReadingAsync("s1", 3);

        var listed = await ServiceFixture.GetReadingsAsync(_service.Client, "?sensor=s1");

        Assert.Equal([third, first], listed);
    }

    [Theory]
    [InlineData("""{"sensor":"","value":1}""", "sensor")]
    [InlineData("""{"sensor":"   ","value":1}""", "sensor")]
    [InlineData("""{"value":1}""", "sensor")]
    [InlineData("""{"sensor":"s1"}""", "value")]
    public async Task AnInvalidReadingIsRejectedWithAProblemNamingTheField(string json, string field)
    {
        var response = await PostJsonAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task ASensorNameLongerThan64CharactersIsRejected()
    {
        var response = await _service.Client.PostAsJsonAsync("/readings", new { sensor = new string('s', 65), value = 1 });
        var longest = await _service.Client.PostAsJsonAsync("/readings", new { sensor = new string('s', 64), value = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Created, longest.StatusCode);
    }

    [Theory]
    [InlineData("""{"sensor":"s1","value":"1e400"}""")]
    [InlineData("""{"sensor":"s1","value":"NaN"}""")]
    [InlineData("""{"sensor":"s1","value":1e400}""")]
    [InlineData("""{"sensor":"s1","value":"warm"}""")]
    [InlineData("""{"sensor":""")]
    public async Task ANonFiniteOrMalformedBodyIsRejectedWithAProblem(string json)
    {
        var response = await PostJsonAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await ServiceFixture.GetReadingsAsync(_service.Client));
    }

    [Fact]
    public async Task ReadingsSurviveARestartOnTheSameDatabaseFile()
    {
        // Given
        var created = await _service.PostReadingAsync("s1", 21.5);
        _service.Factory.Dispose();

        // When
        using var restarted = new ServiceFactory(_service.DatabasePath, _service.SecretsDirectory);
        using var client = restarted.CreateClient();
        var listed = await ServiceFixture.GetReadingsAsync(client);
        var next = await client.PostAsJsonAsync("/readings", new { sensor = "s1", value = 1 });

        // Then
        Assert.Equal([created], listed);
        Assert.Equal(created.Id + 1, (await next.Content.ReadFromJsonAsync<Reading>())!.Id);
    }

    private Task<HttpResponseMessage> PostJsonAsync(string json) =>
        _service.Client.PostAsync("/readings", new StringContent(json, Encoding.UTF8, "application/json"));

    public void Dispose() => _service.Dispose();
}
