using System.Net;
using System.Net.Http.Json;
using SampleService.Tests.Support;

namespace SampleService.Tests;

public sealed class DeleteReadingTests : IDisposable
{
    private const string ApiKey = "k3y-that-must-never-leak";
    private readonly ServiceFixture _service = new();

    [Fact]
    public async Task DeleteWithTheRightKeyRemovesTheReading()
    {
        // Given
        _service.WriteSecret("api_key", ApiKey + "\n");
        var reading = await _service.PostReadingAsync("s1", 1);

        // When
        var response = await DeleteAsync(reading.Id, ApiKey);

        // Then
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _service.Client.GetAsync($"/readings/{reading.Id}")).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    public async Task DeleteWithoutTheRightKeyIsRefusedAndKeepsTheReading(string? key)
    {
        _service.WriteSecret("api_key", ApiKey);
        var reading = await _service.PostReadingAsync("s1", 1);

        var response = await DeleteAsync(reading.Id, key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _service.Client.GetAsync($"/readings/{reading.Id}")).StatusCode);
    }

    [Fact]
    public async Task DeleteAnswers503WhenNoApiKeyIsConfigured()
    {
        var reading = await _service.PostReadingAsync("s1", 1);

        var response = await DeleteAsync(reading.Id, ApiKey);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("api_key not configured", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DeletingAMissingReadingAnswers404()
    {
        _service.WriteSecret("api_key", ApiKey);

        var response = await DeleteAsync(42, ApiKey);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheApiKeyNeverAppearsInAnyResponse()
    {
        // Given
        _service.WriteSecret("api_key", ApiKey);
        var reading = await _service.PostReadingAsync("s1", 1);

        // When
        var responses = new List<HttpResponseMessage>
        {
            await _service.Client.GetAsync("/health"),
            await _service.Client.GetAsync("/ready"),
            await _service.Client.GetAsync("/version"),
            await _service.Client.GetAsync("/readings"),
            await DeleteAsync(reading.Id, "wrong"),
            await DeleteAsync(reading.Id, null),
            await DeleteAsync(42, ApiKey),
            await DeleteAsync(reading.Id, ApiKey),
        };

        // Then
        foreach (var response in responses)
        {
            var text = response.Headers + response.Content.Headers.ToString() + await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(ApiKey, text);
        }
    }

    private Task<HttpResponseMessage> DeleteAsync(long id, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/readings/{id}");
        if (key is not null)
            request.Headers.Add("X-Api-Key", key);
        return _service.Client.SendAsync(request);
    }

    public void Dispose() => _service.Dispose();
}
