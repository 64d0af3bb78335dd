using Serilog;
using Slipway.Tooling;

namespace Slipway.Backup.Schedule;

/// <summary>The last run of one scheduled kind, read from its log file.</summary>
public sealed record ScheduleLog(BackupKind Kind, string Path, DateTimeOffset? LastWrite, string? LastLine);

/// <summary>Whether the schedule is in the crontab, its lines, its logs, and whether a cron daemon runs at all.</summary>
public sealed record ScheduleStatus(bool IsInstalled, IReadOnlyList<string> Lines, IReadOnlyList<ScheduleLog> Logs, bool IsCronRunning);

/// <summary>Installs, shows and removes the daily/weekly/monthly backup jobs as a marked block in the user's crontab.</summary>
public sealed class BackupSchedule(ScheduleSettings settings, string crontab = "crontab")
{
    public async Task InstallAsync(CancellationToken ct = default)
    {
        var updated = CrontabBlock.Replace(await ReadAsync(ct), settings.Marker, CrontabBlock.Render(settings));
        await WriteAsync(updated, ct);
        Directory.CreateDirectory(Path.Combine(settings.RootDirectory, settings.LogDirectory));
        Log.Information("Installed the backup schedule for {Environment}: {Entries}; logs in {Logs}", settings.Environment,
            string.Join(", ", settings.Entries.Select(e => $"{e.Kind.Name()} at '{e.CronTime}'")), Path.Combine(settings.RootDirectory, settings.LogDirectory));
        if (!IsCronRunning()) Log.Warning("No cron daemon is running, so the schedule will not fire; start it (service cron start)");
    }

    public async Task UninstallAsync(CancellationToken ct = default)
    {
        var current = await ReadAsync(ct);
        if (CrontabBlock.Find(current, settings.Marker) is null)
        {
            Log.Information("No backup schedule for {Environment} in the crontab; nothing to remove", settings.Environment);
            return;
        }
        await WriteAsync(CrontabBlock.Replace(current, settings.Marker, null), ct);
        Log.Information("Removed the backup schedule for {Environment}; the logs stay", settings.Environment);
    }

    public async Task<ScheduleStatus> StatusAsync(CancellationToken ct = default)
    {
        var lines = CrontabBlock.Find(await ReadAsync(ct), settings.Marker);
        var logs = settings.Entries.Select(e => ReadLog(e.Kind)).ToList();
        return new ScheduleStatus(lines is not null, lines ?? [], logs, IsCronRunning());
    }

    ScheduleLog ReadLog(BackupKind kind)
    {
        var path = Path.Combine(settings.RootDirectory, settings.LogFile(kind));
        if (!File.Exists(path)) return new ScheduleLog(kind, path, null, null);
        var last = File.ReadLines(path).LastOrDefault(l => l.Trim().Length > 0);
        return new ScheduleLog(kind, path, File.GetLastWriteTimeUtc(path), last);
    }

    async Task<string> ReadAsync(CancellationToken ct)
    {
        var result = await RunAsync(["-l"], null, ct);
        if (result.Succeeded) return result.StandardOutput;
        if (result.StandardError.Contains("no crontab", StringComparison.OrdinalIgnoreCase)) return "";
        throw new BackupException($"crontab -l failed: {result.StandardError.Trim()}; check that this user may use cron (/etc/cron.allow)");
    }

    async Task WriteAsync(string text, CancellationToken ct)
    {
        // An empty table is removed rather than installed empty, so uninstalling leaves the user as before.
        var result = text.Length == 0 ? await RunAsync(["-r"], null, ct) : await RunAsync(["-"], text, ct);
        if (!result.Succeeded) throw new BackupException($"crontab refused the new table: {result.StandardError.Trim()}; check it with crontab -l");
    }

    async Task<ToolResult> RunAsync(IReadOnlyList<string> args, string? input, CancellationToken ct)
    {
        try
        {
            return await ToolRunner.RunAsync(new ToolInvocation(crontab, args) { StandardInput = input, ThrowOnFailure = false, Echo = OutputEcho.None }, ct);
        }
        catch (ToolNotFoundException)
        {
            throw new BackupException($"'{crontab}' is not installed, so the backup schedule cannot be managed; install the cron package (apt-get install -y cron; ./build.sh Prerequisites does it)");
        }
    }

    /// <summary>A crontab entry fires only if a cron daemon runs; containers often have none.</summary>
    internal static bool IsCronRunning() =>
        Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "comm"))
            .Any(comm => { try { return File.ReadAllText(comm).Trim() is "cron" or "crond"; } catch (IOException) { return false; } catch (UnauthorizedAccessException) { return false; } });
}
