namespace Slipway.Backup.Schedule;

/// <summary>When a backup kind runs, as a cron time.</summary>
public sealed record ScheduleEntry(BackupKind Kind, string CronTime)
{
    /// <summary>The seed team's schedule: daily 02:00, weekly Sunday 03:00, monthly on the 1st at 04:00.</summary>
    public static readonly IReadOnlyList<ScheduleEntry> Defaults =
        [new(BackupKind.Daily, "0 2 * * *"), new(BackupKind.Weekly, "0 3 * * 0"), new(BackupKind.Monthly, "0 4 1 * *")];
}

/// <summary>Which checkout and environment the schedule backs up, where its logs go, and the PATH cron runs the build with.</summary>
public sealed record ScheduleSettings(string RootDirectory, string Environment)
{
    public string LogDirectory { get; init; } = "logs";
    /// <summary>cron starts jobs with a bare PATH, where the build would not find dotnet or restic; default: the installer's PATH.</summary>
    public string? PathVariable { get; init; } = System.Environment.GetEnvironmentVariable("PATH");
    public IReadOnlyList<ScheduleEntry> Entries { get; init; } = ScheduleEntry.Defaults;

    /// <summary>Names the crontab block, so each checkout and environment has its own and nothing else is touched.</summary>
    public string Marker => $"slipway backup --env {Environment} in {RootDirectory}";

    public string LogFile(BackupKind kind) => Path.Combine(LogDirectory, $"backup-{kind.Name()}.log");
}

/// <summary>Renders the schedule as a marked crontab block and puts it into, or takes it out of, a crontab's text; pure.</summary>
public static class CrontabBlock
{
    public static string Begin(string marker) => $"# BEGIN {marker}";
    public static string End(string marker) => $"# END {marker}";

    public static string Render(ScheduleSettings settings) => string.Join('\n',
        [Begin(settings.Marker), .. settings.Entries.Select(e => Line(settings, e)), End(settings.Marker)]) + "\n";

    /// <summary>One job: cd to the checkout, then ./build.sh Backup, appending its output to logs/backup-&lt;kind&gt;.log.</summary>
    public static string Line(ScheduleSettings settings, ScheduleEntry entry)
    {
        var path = settings.PathVariable is { Length: > 0 } p ? $"PATH={Quote(p)} " : "";
        var command = $"cd {Quote(settings.RootDirectory)} && mkdir -p {Quote(settings.LogDirectory)} && " +
            $"{path}./build.sh Backup --env {settings.Environment} --kind {entry.Kind.Name()} >> {Quote(settings.LogFile(entry.Kind))} 2>&1";
        // cron turns an unescaped % into a newline.
        return $"{entry.CronTime} {command.Replace("%", "\\%")}";
    }

    /// <summary>The crontab with the marked block replaced in place (or appended); a null block removes it. Other lines stay as they were.</summary>
    public static string Replace(string crontab, string marker, string? block)
    {
        var lines = crontab.Replace("\r\n", "\n").Split('\n').ToList();
        if (lines.Count > 0 && lines[^1] == "") lines.RemoveAt(lines.Count - 1);
        var (start, end) = Span(lines, marker);
        var insertAt = start >= 0 ? start : lines.Count;
        if (start >= 0) lines.RemoveRange(start, end - start + 1);
        if (block is not null) lines.InsertRange(insertAt, block.TrimEnd('\n').Split('\n'));
        return lines.Count == 0 ? "" : string.Join('\n', lines) + "\n";
    }

    /// <summary>The job lines of the marked block, or null when the crontab has none.</summary>
    public static IReadOnlyList<string>? Find(string crontab, string marker)
    {
        var lines = crontab.Replace("\r\n", "\n").Split('\n').ToList();
        var (start, end) = Span(lines, marker);
        return start < 0 ? null : lines.GetRange(start + 1, end - start - 1);
    }

    static (int Start, int End) Span(List<string> lines, string marker)
    {
        var start = lines.IndexOf(Begin(marker));
        if (start < 0) return (-1, -1);
        var end = lines.IndexOf(End(marker), start);
        if (end < 0) throw new BackupException($"the crontab has '{Begin(marker)}' without its END line; fix it with crontab -e");
        return (start, end);
    }

    static string Quote(string value) => "'" + value.Replace("'", "'\\''") + "'";
}
