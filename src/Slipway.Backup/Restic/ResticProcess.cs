using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Serilog;

namespace Slipway.Backup.Restic;

/// <summary>Runs restic with the repository and password in its environment (never in argv), and turns its failures into one-line errors.</summary>
/// <remarks>System.Diagnostics.Process rather than CliWrap: a backup's stdin must stay open until restic is killed when the
/// producer fails, because closing it would make restic commit a snapshot of the truncated stream.</remarks>
internal sealed class ResticProcess(ResticSettings settings)
{
    static readonly string[] s_conflictingVariables = ["RESTIC_PASSWORD_FILE", "RESTIC_PASSWORD_COMMAND", "RESTIC_REPOSITORY_FILE", "RESTIC_KEY_HINT"];
    static readonly TimeSpan s_exitGrace = TimeSpan.FromSeconds(30);

    public ResticSettings Settings => settings;

    public async Task<string> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var stdout = new StringBuilder();
        await RunLinesAsync(args, line => stdout.AppendLine(line), null, ct);
        return stdout.ToString();
    }

    /// <summary>Runs restic, handing each stdout line to <paramref name="onLine"/>; with a producer, what it writes is restic's stdin.</summary>
    public async Task RunLinesAsync(IReadOnlyList<string> args, Action<string> onLine, Func<Stream, CancellationToken, Task>? producer, CancellationToken ct)
    {
        using var process = Start(args);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var firstLine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stdout = PumpLinesAsync(process.StandardOutput, line => { firstLine.TrySetResult(); onLine(line); });
        if (producer is null) process.StandardInput.Close();
        else if (await StartedAsync(process, firstLine.Task, ct)) await FeedAsync(process, producer, stderr, args[0], ct);
        await FinishAsync(process, stdout, stderr, args[0], ct);
    }

    /// <summary>Runs restic and hands its stdout to <paramref name="consumer"/> as a stream (restic dump).</summary>
    public async Task RunStreamAsync(IReadOnlyList<string> args, Func<Stream, CancellationToken, Task> consumer, CancellationToken ct)
    {
        using var process = Start(args);
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        PipeBuffer.TryGrow(process.StandardOutput.BaseStream);
        try
        {
            await consumer(process.StandardOutput.BaseStream, ct);
            // A tar reader stops at the end-of-archive blocks; restic exits only once everything it wrote was read.
            await process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, ct);
        }
        catch (Exception e)
        {
            // A consumer that fails because restic stopped early should report restic's reason, not a truncated stream.
            if (e is not OperationCanceledException && await ExitedOnItsOwnAsync(process, TimeSpan.FromSeconds(2)) && process.ExitCode != 0)
                throw ResticErrors.Classify(args[0], process.ExitCode, await stderr, settings.DisplayName);
            Kill(process);
            throw;
        }
        await FinishAsync(process, Task.CompletedTask, stderr, args[0], ct);
    }

    /// <summary>restic prints its first JSON line once the repository is open and locked; only then does the producer start
    /// (and pause services), so a wrong password or a missing repository stops the backup before anything else happens.</summary>
    static async Task<bool> StartedAsync(Process process, Task firstLine, CancellationToken ct)
    {
        await Task.WhenAny(firstLine, process.WaitForExitAsync(ct));
        if (ct.IsCancellationRequested)
        {
            Kill(process); // before the stdin handle closes, or restic would save an empty snapshot
            ct.ThrowIfCancellationRequested();
        }
        return firstLine.IsCompleted && !process.HasExited;
    }

    async Task FeedAsync(Process process, Func<Stream, CancellationToken, Task> producer, Task<string> stderr, string verb, CancellationToken ct)
    {
        PipeBuffer.TryGrow(process.StandardInput.BaseStream);
        var input = new ResticInput(process.StandardInput.BaseStream);
        try
        {
            await producer(input, ct);
            await input.FlushAsync(ct);
        }
        catch (Exception e)
        {
            if (input.WriteFailed && await ExitedOnItsOwnAsync(process, s_exitGrace) && process.ExitCode != 0)
                throw ResticErrors.Classify(verb, process.ExitCode, await stderr, settings.DisplayName);
            // Killed while stdin is still open: restic never sees the end of the stream, so it cannot commit a snapshot.
            Kill(process);
            if (e is OperationCanceledException) throw;
            throw new BackupException($"the backup stream failed ({e.GetBaseException().Message}); restic was stopped before it could save a snapshot",
                BackupFailure.StreamFailed, e);
        }
        // End of stream: from here on restic saves the snapshot.
        process.StandardInput.Close();
    }

    async Task FinishAsync(Process process, Task stdout, Task<string> stderr, string verb, CancellationToken ct)
    {
        using (ct.Register(() => Kill(process)))
            await process.WaitForExitAsync(CancellationToken.None);
        await stdout;
        ct.ThrowIfCancellationRequested();
        if (process.ExitCode != 0) throw ResticErrors.Classify(verb, process.ExitCode, await stderr, settings.DisplayName);
    }

    Process Start(IReadOnlyList<string> args)
    {
        var info = new ProcessStartInfo(settings.Executable)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        if (settings.IsLocal) info.ArgumentList.Add("--no-cache");
        foreach (var name in s_conflictingVariables) info.Environment.Remove(name);
        info.Environment["RESTIC_REPOSITORY"] = settings.Repository;
        info.Environment["RESTIC_PASSWORD"] = settings.Password.Reveal();
        info.Environment["RESTIC_PROGRESS_FPS"] = "1";
        Log.Debug("restic {Arguments} on {Repository}", string.Join(' ', args), settings.DisplayName);
        try
        {
            return Process.Start(info) ?? throw new Win32Exception("no process started");
        }
        catch (Win32Exception e)
        {
            throw new BackupException($"'{settings.Executable}' could not be started ({e.Message}); install restic (./build.sh Prerequisites does it)");
        }
    }

    static async Task<bool> ExitedOnItsOwnAsync(Process process, TimeSpan grace)
    {
        using var timeout = new CancellationTokenSource(grace);
        try { await process.WaitForExitAsync(timeout.Token); return true; }
        catch (OperationCanceledException) { return false; }
    }

    static void Kill(Process process)
    {
        try { process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { } // already gone
        process.WaitForExit();
    }

    static async Task PumpLinesAsync(StreamReader reader, Action<string> onLine)
    {
        while (await reader.ReadLineAsync() is { } line) onLine(line);
    }
}
