using System.Text.RegularExpressions;

namespace Slipway.Secrets.Tree;

/// <summary>Which leaves sops encrypts: the suffix / regex / comment-regex rules, exactly as sops.Tree.shouldBeEncrypted.</summary>
internal sealed record EncryptionRules
{
    public const string DefaultUnencryptedSuffix = "_unencrypted";

    public string? UnencryptedSuffix { get; init; }
    public string? EncryptedSuffix { get; init; }
    public string? UnencryptedRegex { get; init; }
    public string? EncryptedRegex { get; init; }
    public string? UnencryptedCommentRegex { get; init; }
    public string? EncryptedCommentRegex { get; init; }
    public bool MacOnlyEncrypted { get; init; }

    public int RuleCount => new[]
    {
        UnencryptedSuffix, EncryptedSuffix, UnencryptedRegex, EncryptedRegex, UnencryptedCommentRegex, EncryptedCommentRegex,
    }.Count(r => !string.IsNullOrEmpty(r));

    /// <summary>sops falls back to the _unencrypted suffix when a file names no rule.</summary>
    public EncryptionRules WithDefault() =>
        RuleCount == 0 ? this with { UnencryptedSuffix = DefaultUnencryptedSuffix } : this;

    public bool ShouldEncrypt(IReadOnlyList<string> path, IReadOnlyList<List<string>> comments, bool isComment)
    {
        var encrypted = true;
        if (!string.IsNullOrEmpty(UnencryptedSuffix) && path.Any(p => p.EndsWith(UnencryptedSuffix, StringComparison.Ordinal)))
            encrypted = false;
        if (!string.IsNullOrEmpty(EncryptedSuffix))
            encrypted = path.Any(p => p.EndsWith(EncryptedSuffix, StringComparison.Ordinal));
        if (!string.IsNullOrEmpty(UnencryptedRegex) && path.Any(p => Regex.IsMatch(p, UnencryptedRegex)))
            encrypted = false;
        if (!string.IsNullOrEmpty(EncryptedRegex))
            encrypted = path.Any(p => Regex.IsMatch(p, EncryptedRegex));
        if (!string.IsNullOrEmpty(UnencryptedCommentRegex) && comments.Any(cs => cs.Any(c => Regex.IsMatch(c, UnencryptedCommentRegex))))
            encrypted = false;
        if (!string.IsNullOrEmpty(EncryptedCommentRegex))
            encrypted = AnEarlierCommentMatches(comments, isComment, EncryptedCommentRegex);
        return encrypted;
    }

    // The comment line that matches encrypted_comment_regex stays readable itself; only what follows it is encrypted.
    private static bool AnEarlierCommentMatches(IReadOnlyList<List<string>> comments, bool isComment, string regex)
    {
        for (var i = 0; i < comments.Count; i++)
        {
            for (var j = 0; j < comments[i].Count; j++)
            {
                if (isComment && i == comments.Count - 1 && j == comments[^1].Count - 1) continue;
                if (Regex.IsMatch(comments[i][j], regex)) return true;
            }
        }
        return false;
    }
}
