using Serilog;
using Slipway.Tooling;

namespace Slipway.Docker;

/// <summary>The registry used when none is configured: Debian's distribution registry on 127.0.0.1, data under a state folder, left running between builds.</summary>
public sealed partial class EmbeddedRegistry(string stateDirectory, int port = 5000)
{
    public const string Executable = "docker-registry";
    public string Host => $"127.0.0.1:{port}";
    string Directory => Path.Combine(stateDirectory, "registry");
    string PidFile => Path.Combine(Directory, "registry.pid");
    string ConfigFile => Path.Combine(Directory, "config.yml");

    /// <summary>Protect it with htpasswd (bcrypt): with <see cref="Login"/>, else with a password generated once and kept in the state folder.</summary>
    public bool RequiresLogin { get; init; }

    /// <summary>The user and password to protect it with (from the secrets file); null to use the generated ones.</summary>
    public RegistryLogin? Login { get; init; }

    public async Task<RegistryEndpoint> EnsureRunningAsync(CancellationToken ct = default)
    {
        var login = RequiresLogin ? Login ?? await GeneratedLoginAsync(ct) : null;
        var endpoint = new RegistryEndpoint(Host, login?.User, login?.Password);
        var state = await ProbeAsync(endpoint, ct);
        if (state == RegistryState.Serving) return endpoint;
        if (state != RegistryState.Down) await StopOwnAsync(state, ct);
        if (!ToolRunner.IsOnPath(Executable))
            throw new ToolNotFoundException(Executable, "the embedded registry needs Debian's docker-registry package");

        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "data"));
        var auth = RequiresLogin ? await WriteHtpasswdAsync(endpoint, ct) : null;
        await File.WriteAllTextAsync(ConfigFile, ConfigText(Path.Combine(Directory, "data"), auth), ct);
        var log = Path.Combine(Directory, "registry.log");
        // setsid detaches it from the build's session, so it keeps serving after the build exits.
        await ToolRunner.RunAsync(new ToolInvocation("/bin/sh",
            ["-c", $"setsid {Executable} serve '{ConfigFile}' >> '{log}' 2>&1 < /dev/null & echo $! > '{PidFile}'"]), ct);

        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await ProbeAsync(endpoint, ct) == RegistryState.Serving)
            {
                Log.Information("Started the embedded registry on {Registry} (data in {Directory}{Auth})", Host, Directory,
                    RequiresLogin ? $", login {endpoint.Username}" : "");
                return endpoint;
            }
            await Task.Delay(200, ct);
        }
        throw new RegistryException($"the embedded registry did not answer on {Host} within 10 s; see {log} (is port {port} taken by another program?)");
    }

    string ConfigText(string dataDirectory, string? htpasswd) => $"""
        version: 0.1
        log:
          level: warn
        storage:
          filesystem:
            rootdirectory: {dataDirectory}
          delete:
            enabled: true
        http:
          addr: 127.0.0.1:{port}
        """ + (htpasswd is null ? "" : $"""

        auth:
          htpasswd:
            realm: slipway
            path: {htpasswd}
        """);
}
