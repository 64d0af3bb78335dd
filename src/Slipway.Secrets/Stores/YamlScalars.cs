using System.Text;
using System.Text.RegularExpressions;
using Slipway.Secrets.Tree;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Slipway.Secrets.Stores;

/// <summary>
/// YAML scalars typed the way sops' yaml.v3 decoder types them (YAML 1.2 core schema: true/false only,
/// timestamps stay strings), and strings quoted on output whenever a reader could take them for anything else.
/// </summary>
internal static partial class YamlScalars
{
    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex YamlFloat();

    [GeneratedRegex(@"^\d{4}-\d{1,2}-\d{1,2}([Tt ]|$)")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"^[^\s\-?:,\[\]{}#&*!|>'""%@`](?:[^\x00-\x1f\x7f]*[^\s:])?$")]
    private static partial Regex PlainSafe();

    private static readonly HashSet<string> Yaml11Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
    };

    public static object? Resolve(Scalar scalar)
    {
        var tag = scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific ? "" : scalar.Tag.Value;
        if (tag.Length == 0 && scalar.Style != ScalarStyle.Plain) return scalar.Value;
        return tag switch
        {
            "" => ResolvePlain(scalar.Value),
            "tag:yaml.org,2002:str" => scalar.Value,
            "tag:yaml.org,2002:binary" => Encoding.UTF8.GetString(Convert.FromBase64String(scalar.Value)),
            "tag:yaml.org,2002:null" => null,
            _ => ResolvePlain(scalar.Value) ?? scalar.Value,
        };
    }

    public static object? ResolvePlain(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL": return null;
            case "true" or "True" or "TRUE": return true;
            case "false" or "False" or "FALSE": return false;
            case ".nan" or ".NaN" or ".NAN": return double.NaN;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF": return double.PositiveInfinity;
            case "-.inf" or "-.Inf" or "-.INF": return double.NegativeInfinity;
        }
        if (!char.IsAsciiDigit(text[0]) && text[0] is not ('-' or '+' or '.')) return text;
        var plain = text.Replace("_", "");
        if (GoFormat.ParseInt(plain) is { } integer) return integer;
        if (YamlFloat().IsMatch(plain) && GoFormat.ParseFloat(plain) is { } number) return number;
        return text;
    }

    public static bool CanBePlain(string text) =>
        PlainSafe().IsMatch(text) && !text.Any(IsLineBreakLike) && !text.Contains(": ") && !text.Contains(" #")
        && ResolvePlain(text) is string && !Yaml11Words.Contains(text) && !Timestamp().IsMatch(text);

    // YAML 1.1 readers treat NEL, LS and PS as line breaks; a BOM must not start a scalar.
    public static bool IsLineBreakLike(char ch) => ch is '\u0085' or '\u2028' or '\u2029' or '\ufeff';

    public static string DoubleQuoted(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var ch in text)
        {
            sb.Append(ch switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                < ' ' or '\x7f' => $"\\x{(int)ch:x2}",
                _ when IsLineBreakLike(ch) => $"\\u{(int)ch:x4}",
                _ => ch.ToString(),
            });
        }
        return sb.Append('"').ToString();
    }
}
