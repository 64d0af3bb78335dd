using System.Net;
using System.Net.Sockets;
using System.Text;
using Slipway.Deploy;

namespace Slipway.Deploy.Tests;

/// <summary>Runs the smoke test against a small HTTP server of the test's own on loopback.</summary>
public sealed class SmokeTesterTests
{
    static (HttpListener Server, Uri Url) Serve(Func<string, (int Status, string Body)> answer)
    {
        var port = FreePort();
        var server = new HttpListener();
        server.Prefixes.Add($"http://127.0.0.1:{port}/");
        server.Start();
        _ = Task.Run(async () =>
        {
            while (server.IsListening)
            {
                HttpListenerContext context;
                try { context = await server.GetContextAsync(); } catch { return; }
                var (status, body) = answer(context.Request.Url!.AbsolutePath);
                context.Response.StatusCode = status;
                await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(body));
                context.Response.Close();
            }
        });
        return (server, new Uri($"http://127.0.0.1:{port}/"));
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static SmokeTestPlan Plan(Uri url) => new(url, "/health", "/ready", "/version", "abc123") { Attempts = 2, Interval = TimeSpan.FromMilliseconds(50) };

    [Fact]
    public async Task AHealthyServiceNamingTheCommitPasses()
    {
        var (server, url) = Serve(path => (200, path == "/version" ? """{"commit":"abc123"}""" : "ok"));
        using var _ = server;
        using var http = new HttpClient();

        await new SmokeTester(http).RunAsync(Plan(url));

        Assert.True(server.IsListening);
    }

    [Fact]
    public async Task AVersionNamingAnotherCommitFailsWithTheResponse()
    {
        var (server, url) = Serve(path => (200, path == "/version" ? """{"commit":"fff999"}""" : "ok"));
        using var _ = server;
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<SmokeTestFailedException>(() => new SmokeTester(http).RunAsync(Plan(url)));

        Assert.Contains("""{"commit":"fff999"}""", error.Message);
        Assert.Contains("does not name commit abc123", error.Message);
        Assert.Contains("after 2 attempts", error.Message);
    }

    [Fact]
    public async Task ANotReadyServiceFailsNamingThePathAndStatus()
    {
        var (server, url) = Serve(path => path == "/ready" ? (503, "database missing") : (200, "abc123"));
        using var _ = server;
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<SmokeTestFailedException>(() => new SmokeTester(http).RunAsync(Plan(url)));

        Assert.Contains("GET /ready answered 503 database missing", error.Message);
    }
}
