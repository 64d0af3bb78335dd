using System.Text;

namespace Slipway.Engine.Parameters;

/// <summary>Derives a parameter's command-line and environment names from its member name.</summary>
internal static class ParameterNames
{
    /// <summary>"RegistryUrl" is "registry-url", "SSHKey" is "ssh-key", "_retries" is "retries".</summary>
    public static string ToKebabCase(string name)
    {
        var text = name.TrimStart('_');
        var builder = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '_' or '-')
            {
                builder.Append('-');
                continue;
            }
            if (char.IsUpper(c) && i > 0 && StartsWord(text, i) && builder[^1] != '-')
                builder.Append('-');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>"registry-url" is "REGISTRY_URL".</summary>
    public static string ToScreamingSnakeCase(string kebabName) => kebabName.ToUpperInvariant().Replace('-', '_');

    /// <summary>The form names are compared in: case-insensitive, ignoring '-' and '_'.</summary>
    public static string Normalize(string name) => name.Replace("-", "").Replace("_", "").ToLowerInvariant();

    static bool StartsWord(string text, int i) =>
        !char.IsUpper(text[i - 1]) || (i + 1 < text.Length && char.IsLower(text[i + 1]));
}
