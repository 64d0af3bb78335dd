namespace Slipway.Compose;

/// <summary>A mount into a service's container: a named volume (source = key under top-level volumes),
/// a bind mount (source = absolute host path) or a tmpfs (no source).</summary>
public sealed record VolumeMount(MountType Type, string? Source, string Target, bool ReadOnly);

public enum MountType
{
    Volume,
    Bind,
    Tmpfs,
}
