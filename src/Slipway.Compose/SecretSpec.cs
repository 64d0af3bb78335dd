namespace Slipway.Compose;

/// <summary>A secret declared at the top level, read from exactly one of a file (absolute path) or a variable; never its value.</summary>
public sealed record SecretSpec(string Name, string? File, string? Environment);
