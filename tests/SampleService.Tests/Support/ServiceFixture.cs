using System.Net.Http.Json;

namespace SampleService.Tests.Support;

/// <summary>A service on its own temp database and secrets directory.</summary>
internal sealed class ServiceFixture : IDisposable
{
    private readonly TempDirectory _directory = new();

    public ServiceFixture()
    {
        Directory.CreateDirectory(SecretsDirectory);
        Factory = new ServiceFactory(DatabasePath, SecretsDirectory);
        Client = Factory.CreateClient();
    }

    public string DatabasePath => _directory.File("data/readings.db");
    public string SecretsDirectory => _directory.File("secrets");
    public ServiceFactory Factory { get; }
    public HttpClient Client { get; }

    public void WriteSecret(string name, string value) => File.WriteAllText(Path.Combine(SecretsDirectory, name), value);

    public async Task<Reading> PostReadingAsync(string sensor, double value)
    {
        var response = await Client.PostAsJsonAsync("/readings", new { sensor, value });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Reading>())!;
    }

    public static async Task<Reading[]> GetReadingsAsync(HttpClient client, string query = "") =>
        await client.GetFromJsonAsync<Reading[]>("/readings" + query) ?? throw new InvalidOperationException("GET /readings answered null");

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
        _directory.Dispose();
    }
}
