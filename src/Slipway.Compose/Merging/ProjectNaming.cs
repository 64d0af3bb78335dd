using System.Text.RegularExpressions;
using Slipway.Compose.Reading;

namespace Slipway.Compose.Merging;

/// <summary>Decides the project name as compose does: the name: key, else the caller's name, else the first file's directory.</summary>
internal static partial class ProjectNaming
{
    private const string Rule = "use only a-z, 0-9, '_' and '-', starting with a letter or digit";

    public static string Resolve(Placed<string>? fromFile, string? argument, string firstFile)
    {
        if (fromFile is { } named)
            return Valid(named.Value) ?? throw named.Place.Error($"invalid project name '{named.Value}' ({Rule})");
        if (!string.IsNullOrEmpty(argument))
            return Valid(argument) ?? throw new ComposeFileException(firstFile, 0, 0, "", $"invalid project name '{argument}' given to the loader ({Rule})");
        // Like compose, a name taken from the directory is cleaned rather than refused.
        var directory = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(firstFile))) ?? "";
        var cleaned = Invalid().Replace(directory.ToLowerInvariant(), "").TrimStart('_', '-');
        return cleaned.Length > 0
            ? cleaned
            : throw new ComposeFileException(firstFile, 0, 0, "", $"cannot derive a project name from directory '{directory}' (add a name: key, or pass a project name)");
    }

    private static string? Valid(string name)
    {
        var lowered = name.ToLowerInvariant();
        return Allowed().IsMatch(lowered) ? lowered : null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex Allowed();

    [GeneratedRegex("[^a-z0-9_-]")]
    private static partial Regex Invalid();
}
