using System.Globalization;

namespace Slipway.Engine.Logging;

/// <summary>Renders the end-of-build table: one row per planned target with status, duration and reason.</summary>
internal static class SummaryWriter
{
    const int StatusWidth = 14;
    const int DurationWidth = 8;

    public static IEnumerable<string> GetLines(IReadOnlyCollection<ExecutableTarget> plan, DateTime finishedAt)
    {
        var nameWidth = Math.Max(25, plan.Select(target => target.Name.Length + 2).DefaultIfEmpty(0).Max());
        var width = nameWidth + StatusWidth + DurationWidth;
        var total = plan.Aggregate(TimeSpan.Zero, (sum, target) => sum + target.Duration);
        var failed = plan.Any(target => target.Status == ExecutionStatus.Failed);
        yield return new string('=', width);
        yield return Row("Target", "Status", "Duration", nameWidth).TrimEnd();
        yield return new string('-', width);
        foreach (var target in plan)
            yield return (Row(target.Name, target.Status.ToString(), FormatDuration(target), nameWidth) + Comment(target)).TrimEnd();
        yield return new string('-', width);
        yield return Row("Total", "", Format(total), nameWidth).TrimEnd();
        yield return new string('=', width);
        yield return $"Build {(failed ? "failed" : "succeeded")} on {finishedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}";
    }

    static string Row(string name, string status, string duration, int nameWidth) =>
        (name.PadRight(nameWidth) + status.PadRight(StatusWidth) + duration.PadLeft(DurationWidth));

    static string Comment(ExecutableTarget target) => target.Status switch
    {
        ExecutionStatus.Skipped when target.SkipReason is not null => "   // " + target.SkipReason,
        ExecutionStatus.Failed when target.FailureMessage is not null => "   // " + target.FailureMessage,
        _ => "",
    };

    static string FormatDuration(ExecutableTarget target) =>
        target.Status is ExecutionStatus.Succeeded or ExecutionStatus.Failed ? Format(target.Duration) : "";

    static string Format(TimeSpan duration) =>
        duration.TotalHours >= 1
            ? duration.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : duration.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
