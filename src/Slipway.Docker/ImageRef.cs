using System.Text.RegularExpressions;

namespace Slipway.Docker;

/// <summary>An image reference split into registry, repository, tag and digest (<c>127.0.0.1:5000/app:1.2@sha256:..</c>).</summary>
public sealed partial record ImageRef(string? Registry, string Repository, string? Tag, string? Digest)
{
    /// <summary>Registry plus repository, the name Docker pushes to and tags under.</summary>
    public string Name => Registry is null ? Repository : $"{Registry}/{Repository}";

    public ImageRef WithTag(string tag) => this with { Tag = SanitizeTag(tag), Digest = null };
    public ImageRef WithDigest(string digest) => this with { Tag = null, Digest = digest };

    public override string ToString() =>
        Name + (Tag is null ? "" : ":" + Tag) + (Digest is null ? "" : "@" + Digest);

    public static ImageRef Parse(string reference)
    {
        if (string.IsNullOrWhiteSpace(reference) || reference.Any(char.IsWhiteSpace))
            throw new ArgumentException($"'{reference}' is not an image reference (expected [registry/]name[:tag][@sha256:digest])");
        string? digest = null;
        var at = reference.IndexOf('@');
        if (at >= 0) (reference, digest) = (reference[..at], reference[(at + 1)..]);
        string? tag = null;
        var colon = reference.LastIndexOf(':');
        if (colon > reference.LastIndexOf('/')) (reference, tag) = (reference[..colon], reference[(colon + 1)..]);
        string? registry = null;
        var slash = reference.IndexOf('/');
        if (slash > 0 && IsRegistryHost(reference[..slash])) (registry, reference) = (reference[..slash], reference[(slash + 1)..]);
        if (!RepositoryPattern().IsMatch(reference))
            throw new ArgumentException($"'{reference}' is not a valid repository name (lowercase letters, digits, '.', '_', '-', '/')");
        return new ImageRef(registry, reference, tag, digest);
    }

    /// <summary>Docker tags allow [A-Za-z0-9_.-], at most 128 characters, not starting with '.' or '-'; branch names need folding.</summary>
    public static string SanitizeTag(string value)
    {
        var folded = InvalidTagCharacters().Replace(value, "-").TrimStart('.', '-');
        return folded.Length == 0 ? "unnamed" : folded[..Math.Min(128, folded.Length)];
    }

    static bool IsRegistryHost(string part) => part.Contains('.') || part.Contains(':') || part == "localhost";

    [GeneratedRegex("^[a-z0-9]+([._/-][a-z0-9]+)*$")] private static partial Regex RepositoryPattern();
    [GeneratedRegex("[^A-Za-z0-9_.-]")] private static partial Regex InvalidTagCharacters();
}
