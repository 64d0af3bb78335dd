namespace Slipway.Engine;

/// <summary>Replaces every registered secret value with "****" in text bound for the console or log.</summary>
public static class SecretMasker
{
    const int MinimumLength = 4;
    const string Replacement = "****";
    static readonly object s_lock = new();
    static string[] s_secrets = [];

    /// <summary>Registers a value to mask; values shorter than four characters are ignored as too common to mask.</summary>
    public static void Register(string? value)
    {
        if (value is null || value.Length < MinimumLength || value == Replacement)
            return;
        lock (s_lock)
        {
            if (!s_secrets.Contains(value, StringComparer.Ordinal))
                s_secrets = [.. s_secrets.Append(value).OrderByDescending(secret => secret.Length)];
        }
    }

    public static string Mask(string text)
    {
        // Longest first, so a secret containing another is masked whole.
        var secrets = Volatile.Read(ref s_secrets);
        foreach (var secret in secrets)
            text = text.Replace(secret, Replacement, StringComparison.Ordinal);
        return text;
    }
}
