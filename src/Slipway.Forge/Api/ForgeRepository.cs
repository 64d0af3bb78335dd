namespace Slipway.Forge.Api;

/// <summary>A repository on the forge, "owner/name".</summary>
public sealed record ForgeRepository(string Owner, string Name)
{
    public static ForgeRepository Parse(string text)
    {
        var parts = text.Trim().Split('/');
        if (parts is not [{ Length: > 0 } owner, { Length: > 0 } name])
            throw new ForgeException($"'{text}' is not a repository; expected owner/name (as in GITHUB_REPOSITORY)");
        return new ForgeRepository(owner, name);
    }

    /// <summary>The API path prefix, each part escaped.</summary>
    internal string ApiPath => $"repos/{Uri.EscapeDataString(Owner)}/{Uri.EscapeDataString(Name)}";

    public override string ToString() => $"{Owner}/{Name}";
}
