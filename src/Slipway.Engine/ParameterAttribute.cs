namespace Slipway.Engine;

/// <summary>Marks a field or property as a build parameter, set from the command line, environment or .nuke/parameters*.json.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string? description = null) : Attribute
{
    public string? Description { get; } = description;

    /// <summary>Overrides the name derived from the member (RegistryUrl is --registry-url).</summary>
    public string? Name { get; set; }
}
