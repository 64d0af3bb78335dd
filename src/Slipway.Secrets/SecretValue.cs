namespace Slipway.Secrets;

/// <summary>A decrypted secret that prints as [REDACTED] until the caller asks for it with <see cref="Reveal"/>.</summary>
public sealed class SecretValue
{
    private readonly string _value;

    public SecretValue(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The plaintext; call it only where the value must leave the process (an env file, a container).</summary>
    public string Reveal() => _value;

    public override string ToString() => "[REDACTED]";
}
