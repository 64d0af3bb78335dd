namespace Slipway.Forge;

/// <summary>A forge call failed or its input was wrong; the message is one line naming the call and the fix, never the token.</summary>
public sealed class ForgeException : Exception
{
    public ForgeException(string message) : base(message) { }

    public ForgeException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The HTTP status the forge answered, when it answered with an error.</summary>
    public int? Status { get; init; }
}
