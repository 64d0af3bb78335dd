namespace Slipway.Compose;

/// <summary>A network declared at the top level.</summary>
/// <param name="Key">The name services use to join it.</param>
/// <param name="Name">The engine's network name: <c>name:</c>, else the key if external, else <c>project_key</c>.</param>
public sealed record NetworkSpec(
    string Key,
    string Name,
    string? Driver,
    bool Internal,
    IReadOnlyDictionary<string, string> Labels,
    bool External);
