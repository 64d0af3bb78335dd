using Docker.DotNet;
using Slipway.Docker;
using Slipway.Engine;
using Slipway.Tooling;

partial class Build
{
    [Parameter("Docker engine endpoint (unix:///path or tcp://host:port); default: the local socket")]
    readonly string? DockerHost;

    [Parameter("Folder for state kept between builds on this machine: the embedded registry's data and password")]
    readonly string StateDirectory =
        Environment.GetEnvironmentVariable("XDG_STATE_HOME") is { Length: > 0 } xdg ? Path.Combine(xdg, "slipway")
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state", "slipway");

    static readonly RequiredTool[] Tools =
    [
        new("dockerd", "docker.io"), new(EmbeddedRegistry.Executable, "docker-registry"), new("age", "age"),
        new("restic", "restic"), new("debootstrap", "debootstrap"), new("htpasswd", "apache2-utils"),
        new("crontab", "cron"),
    ];

    IDockerClient? _docker;

    async Task EnsurePrerequisitesAsync()
    {
        var mayInstall = HostPrerequisites.IsRoot || IsServerBuild;
        await HostPrerequisites.EnsureInstalledAsync(Tools, mayInstall);
        await DockerDaemon.EnsureRunningAsync(DockerHost, TemporaryDirectory, mayStart: HostPrerequisites.IsRoot);
    }

    async Task<IDockerClient> DockerAsync() => _docker ??= await DockerConnection.ConnectAsync(DockerHost);
}
