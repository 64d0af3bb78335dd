using System.Security.Cryptography;
using System.Text;
using Serilog;
using Slipway.Docker;

namespace Slipway.Deploy.Edge;

/// <summary>The edge's image: Debian's nginx on the bootstrapped base image (no public registry is needed), built once per content.</summary>
/// <remarks>Tagged by a hash of its Dockerfile, nginx.conf and base image, so a changed configuration is a new tag and an unchanged one
/// is never rebuilt.</remarks>
public sealed class EdgeImage(ImageOperations images)
{
    public const string Repository = "slipway/edge";

    /// <summary>Where the edge serves the generation of its routes, inside its own network namespace only (never published).</summary>
    public const int StatusPort = 65531;

    public const string RoutesPath = "/etc/slipway/edge/routes.conf";

    public const string FrontPath = "/etc/slipway/front.conf";

    /// <summary>Two nginx masters in one container. The front owns the public ports and is never reloaded, so no client connection is
    /// ever closed by a switch; it forwards over unix sockets to the back, which holds the routes and is reloaded on every switch.
    /// A back worker leaving closes its idle keep-alive connections to the front, and the front retries such a request on a new one.</summary>
    public static string Dockerfile => """
        ARG BASE_IMAGE
        FROM ${BASE_IMAGE}
        RUN apt-get update && apt-get install -y --no-install-recommends nginx \
            && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled/* && mkdir -p /etc/slipway/edge /run/slipway
        COPY nginx.conf /etc/nginx/nginx.conf
        COPY front.conf /etc/slipway/front.conf
        COPY routes.conf /etc/slipway/edge/routes.conf
        # SIGQUIT is nginx's graceful stop: in-flight requests finish first.
        STOPSIGNAL SIGQUIT
        CMD ["bash", "-c", "rm -f /run/slipway/*.sock; nginx -c /etc/slipway/front.conf && exec nginx -g 'daemon off;'"]
        """;

    /// <summary>Shared by front and back: keep-alive on both sides (no connect per request), a retry on a connection error or 502
    /// (a closed cached connection is retried on a fresh one), and no access log (a write per request).</summary>
    static string HttpSettings => """
            access_log off;
            server_tokens off;
            keepalive_timeout 75s;
            keepalive_requests 1000000;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_connect_timeout 2s;
            proxy_next_upstream error timeout http_502;
            proxy_next_upstream_tries 3;
        """;

    /// <summary>The back's main configuration; its routes are included from <see cref="RoutesPath"/>. One worker per tier: on two
    /// cores, more nginx workers only compete with the service for CPU (measured: 5.4k req/s with a worker per core, 6.6k with one).</summary>
    public static string NginxConf => $$"""
        user www-data;
        worker_processes 1;
        pid /run/nginx.pid;
        error_log /dev/stderr warn;
        events { worker_connections 8192; }
        http {
        {{HttpSettings}}
            proxy_set_header X-Forwarded-For $http_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $http_x_forwarded_proto;
            include /etc/slipway/edge/*.conf;
        }
        """;

    /// <summary>The front's configuration for <paramref name="ports"/>: each public port forwards to the back's socket for it.</summary>
    public static string FrontConf(IReadOnlyList<EdgePort> ports) => $$"""
        user www-data;
        worker_processes 1;
        pid /run/nginx-front.pid;
        error_log /dev/stderr warn;
        events { worker_connections 8192; }
        http {
        {{HttpSettings}}
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
        {{string.Concat(ports.Select(p => $"    upstream port_{p.PublishedPort} {{ server unix:{SocketOf(p)} max_fails=0; keepalive 64; }}\n" +
                                           $"    server {{ listen {p.PublishedPort}; location / {{ proxy_pass http://port_{p.PublishedPort}; }} }}\n"))}}
        }
        """;

    public static string SocketOf(EdgePort port) => $"/run/slipway/{port.PublishedPort}.sock";

    public static string InitialRoutes => EdgeConfig.Render(new EdgeRouting([], new Dictionary<string, string>()));

    public static string Hash(string baseImage) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n--\n", Dockerfile, NginxConf, FrontConf([]), InitialRoutes, baseImage))))[..12];

    public static ImageRef Tag(string baseImage) => ImageRef.Parse($"{Repository}:{Hash(baseImage)}");

    /// <summary>Returns the tag, building it first when the engine does not have it (a minute, once: apt-get needs the Debian mirror).</summary>
    public async Task<ImageRef> EnsureAsync(string baseImage, CancellationToken ct = default)
    {
        var tag = Tag(baseImage);
        if (await images.InspectAsync(tag.ToString(), ct) is not null) return tag;
        if (await images.InspectAsync(baseImage, ct) is null)
            throw new EdgeException($"the edge is built from {baseImage}, which the engine does not have; run ./build.sh BaseImage first");
        var context = Directory.CreateTempSubdirectory("slipway-edge-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(context.FullName, "Dockerfile"), Dockerfile, ct);
            await File.WriteAllTextAsync(Path.Combine(context.FullName, "nginx.conf"), NginxConf, ct);
            await File.WriteAllTextAsync(Path.Combine(context.FullName, "front.conf"), FrontConf([]), ct);
            await File.WriteAllTextAsync(Path.Combine(context.FullName, "routes.conf"), InitialRoutes, ct);
            Log.Information("Building the edge image {Image} (nginx from the Debian mirror on {Base}); once", tag.ToString(), baseImage);
            await images.BuildAsync(new ImageBuildRequest(context.FullName, Path.Combine(context.FullName, "Dockerfile"), [tag])
            {
                BuildArgs = new Dictionary<string, string> { ["BASE_IMAGE"] = baseImage },
            }, ct);
            return tag;
        }
        finally
        {
            context.Delete(recursive: true);
        }
    }
}

/// <summary>The edge could not be built, started or switched; the message names what and the fix.</summary>
public sealed class EdgeException(string message) : Exception(message);
