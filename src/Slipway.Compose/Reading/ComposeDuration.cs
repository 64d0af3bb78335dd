using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Compose.Reading;

/// <summary>Compose's (Go's) duration format: decimal numbers with units h, m, s, ms, us, ns, e.g. 1m30s.</summary>
internal static partial class ComposeDuration
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (text == "0")
            return true;
        if (!Whole().IsMatch(text))
            return false;
        double ticks = 0;
        foreach (Match part in Part().Matches(text))
            ticks += double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture) * TicksPer(part.Groups[2].Value);
        duration = TimeSpan.FromTicks((long)Math.Round(ticks));
        return true;
    }

    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
            return "0s";
        var text = new StringBuilder();
        var rest = duration.Ticks;
        foreach (var unit in (string[])["h", "m", "s", "ms", "us"])
        {
            var per = (long)TicksPer(unit);
            if (rest / per > 0)
                text.Append(CultureInfo.InvariantCulture, $"{rest / per}{unit}");
            rest %= per;
        }
        if (rest > 0)
            text.Append(CultureInfo.InvariantCulture, $"{rest * 100}ns");
        return text.ToString();
    }

    private static double TicksPer(string unit) => unit switch
    {
        "h" => TimeSpan.TicksPerHour,
        "m" => TimeSpan.TicksPerMinute,
        "s" => TimeSpan.TicksPerSecond,
        "ms" => TimeSpan.TicksPerMillisecond,
        "us" or "µs" => TimeSpan.TicksPerMicrosecond,
        _ => 0.01,
    };

    [GeneratedRegex(@"^(?:\d+(?:\.\d+)?(?:h|m|s|ms|us|µs|ns))+$")]
    private static partial Regex Whole();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)")]
    private static partial Regex Part();
}
