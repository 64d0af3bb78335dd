using System.Text;

namespace Slipway.Compose.Reading;

/// <summary>Expands compose variables in one scalar: $VAR, ${VAR}, ${VAR:-d}, ${VAR-d}, ${VAR:?msg}, ${VAR?msg}, $$.</summary>
internal sealed class Interpolator(IReadOnlyDictionary<string, string> variables)
{
    public string Expand(string text, Place place, Action<string> warn)
    {
        if (!text.Contains('$'))
            return text;
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            if (text[i] != '$')
                result.Append(text[i++]);
            else
                i = ExpandAt(text, i, result, place, warn);
        }
        return result.ToString();
    }

    public bool TryGet(string name, out string value) => variables.TryGetValue(name, out value!);

    private int ExpandAt(string text, int dollar, StringBuilder result, Place place, Action<string> warn)
    {
        var next = dollar + 1 < text.Length ? text[dollar + 1] : '\0';
        if (next == '$')
        {
            result.Append('$');
            return dollar + 2;
        }
        if (next == '{')
        {
            var close = FindClosingBrace(text, dollar + 2);
            if (close < 0)
                throw Invalid(text, place);
            result.Append(ExpandBraced(text, text[(dollar + 2)..close], place, warn));
            return close + 1;
        }
        var nameLength = NameLength(text, dollar + 1);
        if (nameLength == 0)
            throw Invalid(text, place);
        result.Append(Lookup(text.Substring(dollar + 1, nameLength), place, warn));
        return dollar + 1 + nameLength;
    }

    private string ExpandBraced(string text, string body, Place place, Action<string> warn)
    {
        var nameLength = NameLength(body, 0);
        if (nameLength == 0)
            throw Invalid(text, place);
        var name = body[..nameLength];
        var rest = body[nameLength..];
        var isSet = variables.TryGetValue(name, out var value);
        var hasValue = isSet && value!.Length > 0;
        return rest switch
        {
            "" => Lookup(name, place, warn),
            _ when rest.StartsWith(":-", StringComparison.Ordinal) => hasValue ? value! : Expand(rest[2..], place, warn),
            _ when rest.StartsWith('-') => isSet ? value! : Expand(rest[1..], place, warn),
            _ when rest.StartsWith(":?", StringComparison.Ordinal) => hasValue ? value! : throw Required(name, isSet, Expand(rest[2..], place, warn), place),
            _ when rest.StartsWith('?') => isSet ? value! : throw Required(name, isSet, Expand(rest[1..], place, warn), place),
            _ => throw Invalid(text, place),
        };
    }

    private string Lookup(string name, Place place, Action<string> warn)
    {
        if (variables.TryGetValue(name, out var value))
            return value;
        warn(place.Describe($"variable '{name}' is not set; using an empty string (set it, or give a default with ${{{name}:-value}})"));
        return "";
    }

    private static int FindClosingBrace(string text, int start)
    {
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] is '{' or '$')
            {
                depth += text[i + 1] == '{' ? 1 : 0;
                i++;
            }
            else if (text[i] == '}' && depth-- == 0)
                return i;
        }
        return -1;
    }

    private static int NameLength(string text, int start)
    {
        var i = start;
        while (i < text.Length && (text[i] == '_' || char.IsAsciiLetter(text[i]) || (i > start && char.IsAsciiDigit(text[i]))))
            i++;
        return i - start;
    }

    private static ComposeFileException Required(string name, bool isSet, string message, Place place)
    {
        var state = isSet ? "is empty" : "is not set";
        var detail = message.Length > 0 ? message : "set it before loading the compose files";
        return place.Error($"required variable '{name}' {state}: {detail}");
    }

    private static ComposeFileException Invalid(string text, Place place) =>
        place.Error($"invalid interpolation in '{text}' (use $VAR, ${{VAR}}, ${{VAR:-default}}, ${{VAR:?message}}; write $$ for a literal $)");
}
