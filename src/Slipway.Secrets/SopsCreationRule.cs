using Slipway.Secrets.Tree;

namespace Slipway.Secrets;

/// <summary>How a new secrets file is encrypted: its age recipients and which keys stay readable (a .sops.yaml creation rule).</summary>
public sealed record SopsCreationRule
{
    public SopsCreationRule(IEnumerable<string> ageRecipients) =>
        AgeRecipients = ageRecipients.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct().ToList();

    public IReadOnlyList<string> AgeRecipients { get; init; }

    /// <summary>The path_regex the rule was chosen by, if it came from a .sops.yaml.</summary>
    public string? PathRegex { get; init; }

    public string? UnencryptedSuffix { get; init; }
    public string? EncryptedSuffix { get; init; }
    public string? UnencryptedRegex { get; init; }
    public string? EncryptedRegex { get; init; }
    public string? UnencryptedCommentRegex { get; init; }
    public string? EncryptedCommentRegex { get; init; }
    public bool MacOnlyEncrypted { get; init; }

    internal EncryptionRules ToRules() => new EncryptionRules
    {
        UnencryptedSuffix = UnencryptedSuffix,
        EncryptedSuffix = EncryptedSuffix,
        UnencryptedRegex = UnencryptedRegex,
        EncryptedRegex = EncryptedRegex,
        UnencryptedCommentRegex = UnencryptedCommentRegex,
        EncryptedCommentRegex = EncryptedCommentRegex,
        MacOnlyEncrypted = MacOnlyEncrypted,
    }.WithDefault();

    /// <summary>Checks the rule before any file is touched; `where` names it in the message.</summary>
    public void Validate(string where)
    {
        if (AgeRecipients.Count == 0)
            throw new SecretsException($"{where}: no age recipients; add `age: age1...` (Slipway encrypts only for age)");
        if (AgeRecipients.FirstOrDefault(r => !r.StartsWith("age1", StringComparison.Ordinal)) is { } bad)
            throw new SecretsException($"{where}: '{bad}' is not an age recipient; use the age1... public key age-keygen prints");
        if (ToRules().RuleCount > 1)
            throw new SecretsException($"{where}: use only one of unencrypted_suffix, encrypted_suffix, unencrypted_regex, encrypted_regex, unencrypted_comment_regex, encrypted_comment_regex");
    }
}
