using System.Globalization;
using Slipway.Docker;

namespace Slipway.Deploy.Previews;

/// <summary>What a preview is asked to be: the pull request, the image's name, the engines, and how its port and URL are chosen.</summary>
public sealed record PreviewSettings(string ImageName, int PullRequest, string? PreviewDockerHost, string? ProdDockerHost)
{
    /// <summary>The preview of pull request N publishes port <c>PortBase + N</c> on the preview engine.</summary>
    public int PortBase { get; init; } = 10000;

    /// <summary>The host name the URL names; default: the preview engine's host for tcp:// endpoints, else localhost.</summary>
    public string? PublicHost { get; init; }
}

/// <summary>One pull request's preview: its own compose project (so its own network and volumes), port and URL, on an engine that is
/// never prod's. Built and checked before anything on an engine changes.</summary>
public sealed record PreviewEnvironment(int PullRequest, string Name, string ProjectName, int Port, string DockerEndpoint, Uri Url)
{
    /// <summary>The variable the preview compose file publishes its port with.</summary>
    public const string PortVariable = "PREVIEW_PORT";

    const int LowestPort = 1024;
    const int HighestPort = 65535;

    /// <summary>Throws <see cref="PreviewException"/> with one line when the settings would put a preview on prod or outside the port range.</summary>
    public static PreviewEnvironment For(PreviewSettings settings)
    {
        if (settings.PullRequest <= 0)
            throw new PreviewException($"'{settings.PullRequest}' is not a pull request number; pass the number the forge shows, e.g. --pr 42");
        if (string.IsNullOrWhiteSpace(settings.PreviewDockerHost))
            throw new PreviewException("no preview engine given; pass --preview-docker-host (e.g. tcp://sandbox:2375), a Docker engine apart from prod's: previews run pull requests' code and never run on prod");
        var endpoint = DockerConnection.ResolveEndpoint(settings.PreviewDockerHost);
        var prod = DockerConnection.ResolveEndpoint(settings.ProdDockerHost);
        if (DockerEndpointIdentity.AreSame(endpoint, prod))
            throw new PreviewException($"refusing to use {endpoint} for previews: it is the prod engine (--prod-docker-host {prod}); point --preview-docker-host at a separate engine");
        var port = settings.PortBase + settings.PullRequest;
        if (settings.PortBase < LowestPort || port > HighestPort)
            throw new PreviewException($"pull request {settings.PullRequest} would get port {port} (--preview-port-base {settings.PortBase} + {settings.PullRequest}), outside {LowestPort}-{HighestPort}; choose another --preview-port-base");
        var name = $"pr-{settings.PullRequest}";
        var host = settings.PublicHost is { Length: > 0 } given ? given : DefaultHost(endpoint);
        return new PreviewEnvironment(settings.PullRequest, name, $"{ProjectPrefix(settings.ImageName)}-{name}", port, endpoint,
            new UriBuilder(Uri.UriSchemeHttp, host, port).Uri);
    }

    /// <summary>The deploy of <paramref name="image"/> as this preview: its project, the compose files, its port; no edge (a preview
    /// may be down for a moment while it is replaced) and no secrets from the secrets file (it runs a pull request's code).</summary>
    public DeployRequest Request(IReadOnlyList<string> composeFiles, ImageRef image, string commit, string version) =>
        new(Name, ProjectName, composeFiles, image, commit, version)
        {
            Variables = new Dictionary<string, string> { [PortVariable] = Port.ToString(CultureInfo.InvariantCulture) },
            UseEdge = false,
        };

    static string DefaultHost(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "tcp" or "http" or "https" && uri.Host.Length > 0 ? uri.Host : "localhost";

    /// <summary>Compose project names allow lower case letters, digits, '_' and '-'.</summary>
    static string ProjectPrefix(string imageName) =>
        new(imageName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '-').ToArray());
}
