namespace Slipway.Deploy.Previews;

/// <summary>A preview cannot be deployed or removed as asked; the message is one line naming the problem and the fix.</summary>
public sealed class PreviewException(string message) : Exception(message);
