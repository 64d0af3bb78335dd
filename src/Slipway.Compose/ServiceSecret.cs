namespace Slipway.Compose;

/// <summary>A secret mounted into a service: the top-level secret's name and the file it appears as
/// (a name under /run/secrets, or an absolute path).</summary>
public sealed record ServiceSecret(string Source, string Target);
