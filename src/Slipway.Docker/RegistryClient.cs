using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Slipway.Docker;

/// <summary>Where a registry is and how to log in to it.</summary>
public sealed record RegistryEndpoint(string Host, string? Username = null, string? Password = null)
{
    /// <summary>Registries on loopback speak plain HTTP (as the engine assumes for them); others HTTPS.</summary>
    public Uri BaseUri => new((IsLoopback ? "http://" : "https://") + Host + "/");
    public bool IsLoopback => Host.StartsWith("127.", StringComparison.Ordinal) || Host.StartsWith("localhost", StringComparison.Ordinal);

    public global::Docker.DotNet.Models.AuthConfig? ToAuthConfig() => Username is null
        ? null
        : new global::Docker.DotNet.Models.AuthConfig { Username = Username, Password = Password, ServerAddress = Host };

    /// <summary>Never the password: endpoints end up in log lines and exception messages.</summary>
    public override string ToString() => Username is null ? Host : $"{Username}@{Host}";
}

/// <summary>A user and password for a registry; prints without the password.</summary>
public sealed record RegistryLogin(string User, string Password)
{
    public override string ToString() => $"{User}:[REDACTED]";
}

/// <summary>Asks a registry (distribution v2 API) which manifest digest a tag points to, without pulling anything.</summary>
public sealed class RegistryClient(RegistryEndpoint registry) : IDisposable
{
    static readonly string[] ManifestTypes =
    [
        "application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.v2+json",
    ];

    readonly HttpClient _http = CreateClient(registry);

    public async Task<bool> IsUpAsync(CancellationToken ct = default) => await PingAsync(ct) is HttpStatusCode.OK or HttpStatusCode.Unauthorized;

    /// <summary>The status of GET /v2/ with this endpoint's credentials (200, or 401 when they are refused or missing); null when nothing answers.</summary>
    public async Task<HttpStatusCode?> PingAsync(CancellationToken ct = default)
    {
        try
        {
            using var response = await _http.GetAsync("v2/", ct);
            return response.StatusCode;
        }
        catch (HttpRequestException) { return null; }
    }

    /// <summary>The digest of <paramref name="repository"/>:<paramref name="reference"/>, or null when the registry does not have it.</summary>
    public async Task<string?> GetDigestAsync(string repository, string reference, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, $"v2/{repository}/manifests/{reference}");
        foreach (var type in ManifestTypes) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        using var response = await _http.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        if (response.StatusCode == HttpStatusCode.Unauthorized)
            throw new RegistryException($"registry {registry.Host} refused the credentials (401); check --registry-user and --registry-password");
        response.EnsureSuccessStatusCode();
        return response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.First() : null;
    }

    static HttpClient CreateClient(RegistryEndpoint registry)
    {
        var http = new HttpClient { BaseAddress = registry.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
        if (registry.Username is not null)
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{registry.Username}:{registry.Password}")));
        return http;
    }

    public void Dispose() => _http.Dispose();
}
