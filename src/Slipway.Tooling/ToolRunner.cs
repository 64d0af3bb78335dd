using System.Text;
using CliWrap;
using CliWrap.Buffered;
using Serilog;

namespace Slipway.Tooling;

/// <summary>Runs a command-line tool, streaming its output to the log and failing with its last lines.</summary>
public static class ToolRunner
{
    public static async Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken ct = default)
    {
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var command = Cli.Wrap(invocation.Executable)
            .WithArguments(invocation.Arguments)
            .WithWorkingDirectory(invocation.WorkingDirectory ?? Directory.GetCurrentDirectory())
            .WithEnvironmentVariables(invocation.Environment)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line => OnLine(invocation, stdout, line)))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line => OnLine(invocation, stderr, line)));
        if (invocation.StandardInput is { } input)
            command = command.WithStandardInputPipe(PipeSource.FromString(input));

        CommandResult result;
        try
        {
            result = await command.ExecuteAsync(ct);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ToolNotFoundException(invocation.Executable, e.Message);
        }

        var toolResult = new ToolResult(result.ExitCode, stdout.ToString(), stderr.ToString());
        if (invocation.ThrowOnFailure && result.ExitCode != 0)
            throw new ToolFailedException(invocation.DisplayName, toolResult);
        return toolResult;
    }

    public static bool IsOnPath(string executable) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, executable)));

    static void OnLine(ToolInvocation invocation, StringBuilder buffer, string line)
    {
        lock (buffer) buffer.AppendLine(line);
        if (invocation.Echo == OutputEcho.Information) Log.Information("{Tool}: {Line}", invocation.DisplayName, line);
        else if (invocation.Echo == OutputEcho.Debug) Log.Debug("{Tool}: {Line}", invocation.DisplayName, line);
    }
}
