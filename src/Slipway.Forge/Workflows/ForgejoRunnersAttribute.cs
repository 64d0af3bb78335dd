namespace Slipway.Forge.Workflows;

/// <summary>Declares the labels of the Forgejo runners this build's workflows may run on (e.g. "dev", "prod").</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ForgejoRunnersAttribute(params string[] labels) : Attribute
{
    public string[] Labels { get; } = labels;
}
