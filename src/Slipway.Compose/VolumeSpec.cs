namespace Slipway.Compose;

/// <summary>A named volume declared at the top level.</summary>
/// <param name="Key">The name services use in their mounts.</param>
/// <param name="Name">The engine's volume name: <c>name:</c>, else the key if external, else <c>project_key</c>.</param>
public sealed record VolumeSpec(string Key, string Name, string? Driver, IReadOnlyDictionary<string, string> Labels, bool External);
