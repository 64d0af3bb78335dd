using System.Text;

namespace Slipway.Forge.Workflows;

/// <summary>A YAML value: a scalar, a sequence or a mapping whose keys keep the order they were added in.</summary>
internal abstract record YamlNode
{
    public static YamlNode Text(string value) => new YamlScalar(value, IsLiteral: false);
    public static YamlNode Literal(bool value) => new YamlScalar(value ? "true" : "false", IsLiteral: true);
    public static YamlNode Literal(int value) => new YamlScalar(value.ToString(System.Globalization.CultureInfo.InvariantCulture), IsLiteral: true);
    public static YamlNode List(IEnumerable<string> items) => new YamlSequence(items.Select(Text).ToList());
}

/// <summary>IsLiteral: a number or boolean written as is; otherwise a string, quoted when YAML could read it as something else.</summary>
internal sealed record YamlScalar(string Value, bool IsLiteral) : YamlNode;

internal sealed record YamlSequence(IReadOnlyList<YamlNode> Items) : YamlNode;

internal sealed record YamlMapping : YamlNode
{
    readonly List<KeyValuePair<string, YamlNode>> _entries = [];

    public IReadOnlyList<KeyValuePair<string, YamlNode>> Entries => _entries;

    public YamlMapping Add(string key, YamlNode value)
    {
        _entries.Add(new(key, value));
        return this;
    }

    public YamlMapping Add(string key, string value) => Add(key, Text(value));
}

/// <summary>Writes the node tree as block-style YAML with two-space indents and '\n' line ends, the same bytes every time.</summary>
internal static class YamlText
{
    public static string Write(YamlMapping root, IEnumerable<string> headerComments)
    {
        var builder = new StringBuilder();
        foreach (var comment in headerComments)
            builder.Append("# ").Append(comment).Append('\n');
        WriteMapping(builder, root, indent: 0);
        return builder.ToString();
    }

    static void WriteMapping(StringBuilder builder, YamlMapping mapping, int indent, bool firstLineIndented = true)
    {
        var first = true;
        foreach (var (key, value) in mapping.Entries)
        {
            if (!first || firstLineIndented)
                builder.Append(' ', indent);
            first = false;
            // Keys are plain when they are simple words, so "on:" stays as every workflow spells it.
            builder.Append(key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? key : Scalar(key, isLiteral: false)).Append(':');
            WriteValue(builder, value, indent);
        }
    }

    static void WriteValue(StringBuilder builder, YamlNode value, int indent)
    {
        switch (value)
        {
            case YamlScalar scalar:
                builder.Append(' ').Append(Scalar(scalar.Value, scalar.IsLiteral)).Append('\n');
                break;
            case YamlMapping { Entries.Count: 0 }:
                builder.Append(" {}\n");
                break;
            case YamlSequence { Items.Count: 0 }:
                builder.Append(" []\n");
                break;
            case YamlMapping mapping:
                builder.Append('\n');
                WriteMapping(builder, mapping, indent + 2);
                break;
            case YamlSequence sequence:
                builder.Append('\n');
                WriteSequence(builder, sequence, indent + 2);
                break;
        }
    }

    static void WriteSequence(StringBuilder builder, YamlSequence sequence, int indent)
    {
        foreach (var item in sequence.Items)
        {
            builder.Append(' ', indent).Append('-');
            if (item is YamlMapping { Entries.Count: > 0 } mapping)
            {
                builder.Append(' ');
                WriteMapping(builder, mapping, indent + 2, firstLineIndented: false);
            }
            else
                WriteValue(builder, item, indent);
        }
    }

    /// <summary>Plain when it cannot be mistaken for another type or syntax; else double-quoted when it holds a ' (expressions), else single-quoted.</summary>
    internal static string Scalar(string value, bool isLiteral) =>
        isLiteral || IsSafePlain(value) ? value
        : value.Contains('\'') && !value.Contains('"') && !value.Contains('\\') && value.All(c => !char.IsControl(c)) ? "\"" + value + "\""
        : "'" + value.Replace("'", "''") + "'";

    static readonly string[] s_ambiguous =
        ["", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n"];

    static bool IsSafePlain(string value) =>
        !s_ambiguous.Contains(value.ToLowerInvariant())
        && !double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
        && value.Trim() == value
        && !value.Contains(": ") && !value.Contains(" #") && !value.EndsWith(':')
        && "-?:,[]{}#&*!|>'\"%@`".IndexOf(value[0]) < 0
        && value.All(c => char.IsAsciiLetterOrDigit(c) || " _./-:${}()=+,<>@".Contains(c));
}
