namespace Slipway.Forge;

/// <summary>A forge call failed or its input was wrong; the message is one line naming the call and the fix, never the token.</summary>
public sealed class ForgeException : Exception
{
    public ForgeException(string message) : base(message) { }

    public ForgeException(string message, Exception inner) : base(message, inner) { }
}
