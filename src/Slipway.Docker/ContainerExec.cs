using Docker.DotNet;
using Docker.DotNet.Models;

namespace Slipway.Docker;

/// <summary>What a command run inside a container returned.</summary>
public sealed record ExecResult(long ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>stderr, else stdout, on one line: what to show when the command failed.</summary>
    public string Problem => (StandardError.Trim().Length > 0 ? StandardError : StandardOutput).ReplaceLineEndings(" ").Trim();
}

/// <summary>Runs a command inside a running container through the Engine API (exec), waiting for its exit code.</summary>
public sealed class ContainerExec(IDockerClient docker)
{
    public static ContainerExecCreateParameters Request(IReadOnlyList<string> command) => new()
    {
        Cmd = command.ToList(), AttachStdout = true, AttachStderr = true,
    };

    public async Task<ExecResult> RunAsync(string container, IReadOnlyList<string> command, CancellationToken ct = default)
    {
        var created = await docker.Exec.CreateContainerExecAsync(container, Request(command), ct);
        string stdout, stderr;
        using (var stream = await docker.Exec.StartContainerExecAsync(created.ID, new ContainerExecStartParameters(), ct))
            (stdout, stderr) = await stream.ReadOutputToEndAsync(ct);
        // The output ends a moment before the engine records the exit code.
        for (var attempt = 0; ; attempt++)
        {
            var inspected = await docker.Exec.InspectContainerExecAsync(created.ID, ct);
            if (!inspected.Running || attempt == 100) return new ExecResult(inspected.ExitCode ?? -1, stdout, stderr);
            await Task.Delay(20, ct);
        }
    }
}
