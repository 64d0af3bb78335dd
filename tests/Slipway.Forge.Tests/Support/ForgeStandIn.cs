using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Slipway.Forge.Tests.Support;

/// <summary>
/// An in-process HTTP server on 127.0.0.1 standing in for Forgejo or GitHub, which cannot run here: it records
/// every request and answers from a script (per method and path, in order, the last answer repeating).
/// </summary>
sealed class ForgeStandIn : IDisposable
{
    readonly HttpListener _listener;
    readonly ConcurrentQueue<RecordedRequest> _requests = new();
    readonly Dictionary<string, Queue<(int Status, string Body)>> _script = [];
    readonly Task _loop;

    public ForgeStandIn()
    {
        (_listener, BaseUrl) = Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Answers method + path (without the query) with the given responses in turn; the last one repeats.</summary>
    public ForgeStandIn On(string method, string path, params (int Status, string Body)[] responses)
    {
        lock (_script)
            _script[Key(method, path)] = new Queue<(int, string)>(responses);
        return this;
    }

    public ForgeStandIn On(string method, string path, string json) => On(method, path, (200, json));

    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string path) =>
        [.. Requests.Where(request => request.Method == method && request.Path == path)];

    async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException) { return; }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var request = new RecordedRequest(
                context.Request.HttpMethod,
                context.Request.Url!.AbsolutePath,
                context.Request.Url.Query.TrimStart('?'),
                context.Request.Headers["Authorization"],
                await reader.ReadToEndAsync());
            _requests.Enqueue(request);
            var (status, body) = Answer(request);
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    (int, string) Answer(RecordedRequest request)
    {
        lock (_script)
        {
            if (!_script.TryGetValue(Key(request.Method, request.Path), out var answers))
                return (404, """{"message":"the stand-in has no answer scripted for this call"}""");
            return answers.Count > 1 ? answers.Dequeue() : answers.Peek();
        }
    }

    static string Key(string method, string path) => $"{method} {path}";

    static (HttpListener, Uri) Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            var url = $"http://127.0.0.1:{port}/";
            listener.Prefixes.Add(url);
            try
            {
                listener.Start();
                return (listener, new Uri(url));
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    public void Dispose()
    {
        if (!_listener.IsListening)
            return;
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}

/// <summary>A request as the stand-in saw it: method, path, query, Authorization header and body.</summary>
sealed record RecordedRequest(string Method, string Path, string Query, string? Authorization, string Body)
{
    public System.Text.Json.JsonElement Json => System.Text.Json.JsonDocument.Parse(Body).RootElement;
}
