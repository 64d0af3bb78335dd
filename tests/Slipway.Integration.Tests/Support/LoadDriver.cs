using System.Net;

namespace Slipway.Integration.Tests.Support;

/// <summary>Constant load on a URL from a few concurrent clients until disposed: counts answers that were not 2xx and requests that failed.</summary>
/// <remarks>HttpClient re-sends a request whose pooled connection closed before any answer, as browsers do; bench/zero-downtime uses wrk,
/// which does not.</remarks>
public sealed class LoadDriver : IAsyncDisposable
{
    readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 8 }) { Timeout = TimeSpan.FromSeconds(5) };
    readonly CancellationTokenSource _stop = new();
    readonly List<Task> _clients;
    long _succeeded, _failed;
    readonly List<string> _failures = [];

    public LoadDriver(Uri url, int clients = 4) =>
        _clients = Enumerable.Range(0, clients).Select(_ => Task.Run(() => LoopAsync(url))).ToList();

    public long Succeeded => Interlocked.Read(ref _succeeded);
    public long Failed => Interlocked.Read(ref _failed);
    public IReadOnlyList<string> Failures { get { lock (_failures) return _failures.Take(5).ToList(); } }

    /// <summary>Waits until some requests have succeeded, so a test knows the load is on before it acts.</summary>
    public async Task WarmAsync()
    {
        for (var i = 0; i < 200 && Succeeded < 50; i++) await Task.Delay(25);
        Assert.True(Succeeded >= 50, $"the load never got going: {Failed} failed ({string.Join("; ", Failures)})");
    }

    async Task LoopAsync(Uri url)
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                using var response = await _http.GetAsync(url, _stop.Token);
                if (response.StatusCode == HttpStatusCode.OK) Interlocked.Increment(ref _succeeded);
                else Fail($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested) { }
            catch (Exception e) { Fail(e.GetBaseException().Message); }
        }
    }

    void Fail(string what)
    {
        Interlocked.Increment(ref _failed);
        lock (_failures) _failures.Add(what);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_clients);
        _http.Dispose();
    }
}
