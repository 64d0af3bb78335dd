using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Secrets.IO;

/// <summary>
/// Renders KEY=VALUE lines that Docker Compose env_file, `docker run --env-file` style loaders and POSIX shells
/// read back to the same value: bare when harmless, single-quoted when possible, else double-quoted with escapes.
/// </summary>
internal static partial class DotenvWriter
{
    [GeneratedRegex("^[A-Za-z0-9_./:@%+,=-]*$")]
    private static partial Regex Bare();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex ValidName();

    public static bool IsValidName(string name) => ValidName().IsMatch(name);

    public static string Render(IEnumerable<KeyValuePair<string, string>> variables)
    {
        var sb = new StringBuilder();
        foreach (var (name, value) in variables) sb.Append(name).Append('=').Append(Quote(value)).Append('\n');
        return sb.ToString();
    }

    public static string Quote(string value)
    {
        if (value.Length > 0 && Bare().IsMatch(value)) return value;
        if (!value.Contains('\'') && !value.Contains('\n') && !value.Contains('\r')) return $"'{value}'";
        var sb = new StringBuilder("\"");
        foreach (var ch in value)
        {
            sb.Append(ch switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '$' => "\\$",
                '`' => "\\`",
                '\n' => "\\n",
                '\r' => "\\r",
                _ => ch.ToString(),
            });
        }
        return sb.Append('"').ToString();
    }
}
