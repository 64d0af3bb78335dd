using Serilog;
using Slipway.Tooling;

namespace Slipway.Docker;

/// <summary>The registry used when none is configured: Debian's distribution registry on 127.0.0.1, data under a state folder, left running between builds.</summary>
public sealed class EmbeddedRegistry(string stateDirectory, int port = 5000)
{
    public const string Executable = "docker-registry";
    public string Host => $"127.0.0.1:{port}";
    string Directory => Path.Combine(stateDirectory, "registry");

    public async Task<RegistryEndpoint> EnsureRunningAsync(CancellationToken ct = default)
    {
        var endpoint = new RegistryEndpoint(Host);
        using var client = new RegistryClient(endpoint);
        if (await client.IsUpAsync(ct)) return endpoint;
        if (!ToolRunner.IsOnPath(Executable))
            throw new ToolNotFoundException(Executable, "the embedded registry needs Debian's docker-registry package");

        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "data"));
        var config = Path.Combine(Directory, "config.yml");
        await File.WriteAllTextAsync(config, ConfigText(Path.Combine(Directory, "data")), ct);
        var log = Path.Combine(Directory, "registry.log");
        // setsid detaches it from the build's session, so it keeps serving after the build exits.
        await ToolRunner.RunAsync(new ToolInvocation("/bin/sh",
            ["-c", $"setsid {Executable} serve '{config}' >> '{log}' 2>&1 < /dev/null & echo $! > '{Path.Combine(Directory, "registry.pid")}'"]), ct);

        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await client.IsUpAsync(ct))
            {
                Log.Information("Started the embedded registry on {Registry} (data in {Directory})", Host, Directory);
                return endpoint;
            }
            await Task.Delay(200, ct);
        }
        throw new RegistryException($"the embedded registry did not answer on {Host} within 10 s; see {log} (is port {port} taken by another program?)");
    }

    string ConfigText(string dataDirectory) => $"""
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
        """;
}
