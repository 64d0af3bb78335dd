using Slipway.Docker;

namespace Slipway.Deploy.Previews;

/// <summary>Compares Docker endpoints as the engine they reach, not as text: unix:///var/run/docker.sock and /run/docker.sock are one
/// engine, as are tcp://LOCALHOST:2375 and tcp://127.0.0.1:2375.</summary>
public static class DockerEndpointIdentity
{
    const int DefaultTcpPort = 2375;

    /// <summary>The canonical form: unix://&lt;real path&gt; or tcp://&lt;host&gt;:&lt;port&gt;; null or empty means the default local socket.</summary>
    public static string Canonical(string? endpoint)
    {
        var text = DockerConnection.ResolveEndpoint(endpoint);
        if (text.StartsWith('/')) text = "unix://" + text;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)) return text.ToLowerInvariant();
        return uri.Scheme switch
        {
            "unix" => "unix://" + RealPath(uri.LocalPath),
            "tcp" or "http" or "https" => $"tcp://{Host(uri.Host)}:{(uri.IsDefaultPort || uri.Port <= 0 ? DefaultTcpPort : uri.Port)}",
            _ => $"{uri.Scheme}://{Host(uri.Host)}{(uri.IsDefaultPort ? "" : ":" + uri.Port)}{uri.AbsolutePath.TrimEnd('/')}",
        };
    }

    public static bool AreSame(string? left, string? right) => Canonical(left) == Canonical(right);

    static string Host(string host) => host.ToLowerInvariant().Trim('[', ']') switch
    {
        "localhost" or "::1" or "0.0.0.0" => "127.0.0.1",
        var other => other,
    };

    /// <summary>Resolves every symbolic link on the way (/var/run is usually a link to /run).</summary>
    static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var result = Path.GetPathRoot(full) ?? "/";
        foreach (var part in full[result.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(result, part);
            FileSystemInfo entry = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            var target = entry.Exists || entry.LinkTarget is not null ? entry.ResolveLinkTarget(returnFinalTarget: true) : null;
            result = target?.FullName ?? next;
        }
        return result;
    }
}
