namespace Slipway.Engine;

/// <summary>A check inside a target failed; the target is marked failed with this message.</summary>
public sealed class BuildAssertionException(string message) : Exception(message);
