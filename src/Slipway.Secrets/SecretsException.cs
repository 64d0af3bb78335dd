namespace Slipway.Secrets;

/// <summary>A secrets file could not be read, decrypted or written; the message is one line naming the file and the fix.</summary>
public sealed class SecretsException : Exception
{
    public SecretsException(string message) : base(message) { }

    public SecretsException(string message, Exception inner) : base(message, inner) { }

    /// <summary>True when the file is fine but no age identity found on this machine can open it.</summary>
    public bool IsMissingKey { get; init; }

    internal static SecretsException MacMismatch(string file, string? detail = null) => new(
        $"{file}: MAC mismatch: the file was modified outside sops or is corrupt" +
        (detail is null ? "" : $" ({detail})") +
        "; restore it from version control or re-create it");
}
