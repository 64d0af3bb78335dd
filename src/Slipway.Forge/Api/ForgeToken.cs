using Slipway.Engine;

namespace Slipway.Forge.Api;

/// <summary>An API token that prints as [REDACTED] and is registered with the build's masker, so no log line or exception shows it.</summary>
public sealed class ForgeToken
{
    readonly string _value;

    public ForgeToken(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new ForgeException("the forge token is empty; set the FORGEJO_TOKEN secret of the repository");
        _value = value.Trim();
        SecretMasker.Register(_value);
    }

    /// <summary>The first of the given variables that is set, or null.</summary>
    public static ForgeToken? FromEnvironment(IReadOnlyDictionary<string, string> environment, params string[] names) =>
        names.Select(name => environment.TryGetValue(name, out var value) ? value : null)
            .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value)) is { } found ? new ForgeToken(found) : null;

    internal string Reveal() => _value;

    public override string ToString() => "[REDACTED]";
}
