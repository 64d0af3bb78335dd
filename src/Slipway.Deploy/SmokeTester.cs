using System.Net;
using Serilog;

namespace Slipway.Deploy;

/// <summary>What a smoke test checks: the environment's URL, its health, readiness and version paths, and the commit /version must name.</summary>
public sealed record SmokeTestPlan(Uri BaseUrl, string HealthPath, string ReadyPath, string VersionPath, string ExpectedCommit)
{
    public int Attempts { get; init; } = 12;
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);
}

/// <summary>Checks a deployed environment over HTTP with retries; a failure carries the last response it got.</summary>
public sealed class SmokeTester(HttpClient http)
{
    public async Task RunAsync(SmokeTestPlan plan, CancellationToken ct = default)
    {
        string? lastFailure = null;
        for (var attempt = 1; attempt <= plan.Attempts; attempt++)
        {
            lastFailure = await CheckOnceAsync(plan, ct);
            if (lastFailure is null)
            {
                Log.Information("Smoke test of {Url} passed: healthy, ready, version names {Commit}", plan.BaseUrl.ToString(), plan.ExpectedCommit);
                return;
            }
            Log.Warning("Smoke test attempt {Attempt}/{Attempts}: {Failure}", attempt, plan.Attempts, lastFailure);
            if (attempt < plan.Attempts) await Task.Delay(plan.Interval, ct);
        }
        throw new SmokeTestFailedException($"smoke test of {plan.BaseUrl} failed after {plan.Attempts} attempts: {lastFailure}");
    }

    /// <summary>Null when every check passes, else a one-line description of the first failing check and its response.</summary>
    async Task<string?> CheckOnceAsync(SmokeTestPlan plan, CancellationToken ct)
    {
        foreach (var path in new[] { plan.HealthPath, plan.ReadyPath })
        {
            var (status, body) = await GetAsync(new Uri(plan.BaseUrl, path), ct);
            if (status != HttpStatusCode.OK) return Describe(path, status, body);
        }
        var (versionStatus, versionBody) = await GetAsync(new Uri(plan.BaseUrl, plan.VersionPath), ct);
        if (versionStatus != HttpStatusCode.OK) return Describe(plan.VersionPath, versionStatus, versionBody);
        if (!versionBody.Contains(plan.ExpectedCommit, StringComparison.OrdinalIgnoreCase))
            return $"GET {plan.VersionPath} answered {Trim(versionBody)}, which does not name commit {plan.ExpectedCommit}";
        return null;
    }

    async Task<(HttpStatusCode? Status, string Body)> GetAsync(Uri url, CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync(url, ct);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return (null, e.GetBaseException().Message);
        }
    }

    static string Describe(string path, HttpStatusCode? status, string body) => status is null
        ? $"GET {path} got no answer ({Trim(body)})"
        : $"GET {path} answered {(int)status} {Trim(body)}";

    static string Trim(string body)
    {
        var oneLine = body.ReplaceLineEndings(" ").Trim();
        return oneLine.Length > 200 ? oneLine[..200] + "…" : oneLine;
    }
}

/// <summary>The deployed environment did not pass its smoke test.</summary>
public sealed class SmokeTestFailedException(string message) : Exception(message);
