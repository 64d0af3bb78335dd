using System.Globalization;
using System.Text.RegularExpressions;

namespace Slipway.Engine.Parameters;

/// <summary>Converts parameter text to the member's type, and names and formats those types for help.</summary>
internal static partial class ValueConverter
{
    static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    /// <param name="origin">Where the text came from, appended to errors, e.g. " (from RETRIES)"; empty for the command line.</param>
    public static object? Convert(IReadOnlyList<string> tokens, Type type, string flag, AbsolutePath root, string origin)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsArray)
        {
            var element = target.GetElementType()!;
            var array = Array.CreateInstance(element, tokens.Count);
            for (var i = 0; i < tokens.Count; i++)
                array.SetValue(ConvertScalar(tokens[i], element, flag, root, origin), i);
            return array;
        }
        if (tokens.Count == 0 && target == typeof(bool))
            return true;
        if (tokens.Count != 1)
            throw new BuildUsageException(
                $"Parameter '{flag}' takes one value, got {tokens.Count}{(tokens.Count > 0 ? ": " + string.Join(" ", tokens) : "")}{origin}");
        return ConvertScalar(tokens[0], target, flag, root, origin);
    }

    /// <summary>The placeholder shown in help and errors: "string", "int", "Debug|Release", "string...".</summary>
    public static string Describe(Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target switch
        {
            { IsArray: true } => Describe(target.GetElementType()!) + "...",
            { IsEnum: true } => string.Join("|", Enum.GetNames(target)),
            _ when target == typeof(string) => "string",
            _ when target == typeof(bool) => "bool",
            _ when target == typeof(int) => "int",
            _ when target == typeof(long) => "long",
            _ when target == typeof(double) => "double",
            _ when target == typeof(TimeSpan) => "duration",
            _ when target == typeof(AbsolutePath) => "path",
            _ => target.Name,
        };
    }

    /// <summary>Renders a value the way it would be typed on the command line.</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        bool flag => flag ? "true" : "false",
        TimeSpan duration => FormatDuration(duration),
        string text => text,
        System.Collections.IEnumerable items => string.Join(" ", items.Cast<object?>().Select(Format)),
        IFormattable formattable => formattable.ToString(null, s_invariant),
        _ => value.ToString() ?? "",
    };

    static object ConvertScalar(string text, Type type, string flag, AbsolutePath root, string origin) =>
        TryConvert(text, type, root, out var value)
            ? value
            : throw new BuildUsageException($"Parameter '{flag}' expects {Expectation(type)}, got '{text}'{origin}");

    static bool TryConvert(string text, Type type, AbsolutePath root, out object value)
    {
        value = text;
        if (type == typeof(string))
            return true;
        object? result = type switch
        {
            _ when type == typeof(bool) => bool.TryParse(text, out var flag) ? flag : null,
            _ when type == typeof(int) => int.TryParse(text, NumberStyles.Integer, s_invariant, out var number) ? number : null,
            _ when type == typeof(long) => long.TryParse(text, NumberStyles.Integer, s_invariant, out var number) ? number : null,
            _ when type == typeof(double) => double.TryParse(text, NumberStyles.Float, s_invariant, out var number) ? number : null,
            _ when type == typeof(TimeSpan) => ParseDuration(text),
            _ when type == typeof(AbsolutePath) => text.Length > 0 ? root / text : null,
            { IsEnum: true } => Enum.GetNames(type).FirstOrDefault(name => name.Equals(text, StringComparison.OrdinalIgnoreCase))
                is { } name ? Enum.Parse(type, name) : null,
            _ => throw new BuildUsageException($"Parameter type {type.Name} is not supported; use string, bool, int, long, double, TimeSpan, an enum, AbsolutePath or an array of these"),
        };
        value = result!;
        return result is not null;
    }

    static string Expectation(Type type) => type switch
    {
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) || type == typeof(long) => "an integer",
        _ when type == typeof(double) => "a number",
        _ when type == typeof(TimeSpan) => "a duration like 30s, 5m, 1h30m, 500ms or plain seconds",
        { IsEnum: true } => "one of " + string.Join(", ", Enum.GetNames(type)),
        _ => "a " + Describe(type),
    };

    static TimeSpan? ParseDuration(string text)
    {
        if (double.TryParse(text, NumberStyles.Float, s_invariant, out var seconds))
            return TimeSpan.FromSeconds(seconds);
        var match = DurationPattern().Match(text);
        if (!match.Success || text.Length == 0)
            return null;
        long Part(string name) => match.Groups[name].Success ? long.Parse(match.Groups[name].Value, s_invariant) : 0;
        return TimeSpan.FromHours(Part("h")) + TimeSpan.FromMinutes(Part("m"))
            + TimeSpan.FromSeconds(Part("s")) + TimeSpan.FromMilliseconds(Part("ms"));
    }

    static string FormatDuration(TimeSpan duration)
    {
        var parts = new[] { (duration.Days * 24 + duration.Hours, "h"), (duration.Minutes, "m"), (duration.Seconds, "s"), (duration.Milliseconds, "ms") }
            .Where(part => part.Item1 != 0)
            .Select(part => $"{part.Item1}{part.Item2}");
        return string.Concat(parts) is { Length: > 0 } text ? text : "0s";
    }

    [GeneratedRegex(@"^(?:(?<h>\d+)h)?(?:(?<m>\d+)m)?(?:(?<s>\d+)s)?(?:(?<ms>\d+)ms)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DurationPattern();
}
