using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Compose.Canonical;

/// <summary>Writes block YAML line by line with one quoting rule, so equal models give byte-equal text.</summary>
internal sealed partial class YamlText
{
    private readonly StringBuilder _text = new();

    public void Line(int depth, string key, string? value = null) =>
        _text.Append(' ', depth * 2).Append(Key(key)).Append(':').Append(value is null ? "" : " " + value).Append('\n');

    public void Item(int depth, string key, string value) =>
        _text.Append(' ', depth * 2).Append("- ").Append(Key(key)).Append(": ").Append(value).Append('\n');

    /// <summary>A double-quoted value; $ is doubled because the loader interpolates values.</summary>
    public static string Quote(string value)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in value)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '$' => "$$",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Boolean(bool value) => value ? "true" : "false";

    public static string Flow(IEnumerable<string> values) => $"[{string.Join(", ", values.Select(Quote))}]";

    public bool IsEmpty => _text.Length == 0;

    public void Append(YamlText other) => _text.Append(other._text);

    public override string ToString() => _text.ToString();

    private static string Key(string key) =>
        PlainKey().IsMatch(key) ? key : Quote(key).Replace("$$", "$", StringComparison.Ordinal);

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.\-]*$")]
    private static partial Regex PlainKey();
}
