using Serilog;
using Slipway.Tooling;

namespace Slipway.Docker;

/// <summary>Starts Debian's dockerd in the background when no engine answers and we are allowed to (root); otherwise explains how.</summary>
public static class DockerDaemon
{
    public static async Task EnsureRunningAsync(string? dockerHost, string logDirectory, bool mayStart, CancellationToken ct = default)
    {
        try
        {
            (await DockerConnection.ConnectAsync(dockerHost, ct)).Dispose();
            return;
        }
        catch (DockerUnavailableException) when (mayStart && string.IsNullOrEmpty(dockerHost) && File.Exists("/usr/sbin/dockerd"))
        {
        }

        Directory.CreateDirectory(logDirectory);
        var log = Path.Combine(logDirectory, "dockerd.log");
        Log.Information("Starting dockerd in the background (log: {Log})", log);
        await ToolRunner.RunAsync(new ToolInvocation("/bin/sh", ["-c", $"setsid /usr/sbin/dockerd >> '{log}' 2>&1 < /dev/null &"]), ct);
        for (var attempt = 0; attempt < 60; attempt++)
        {
            await Task.Delay(500, ct);
            try
            {
                (await DockerConnection.ConnectAsync(dockerHost, ct)).Dispose();
                Log.Information("dockerd is up");
                return;
            }
            catch (DockerUnavailableException) { }
        }
        throw new DockerUnavailableException(DockerConnection.DefaultEndpoint, $"dockerd did not answer within 30 s; see {log}");
    }
}
