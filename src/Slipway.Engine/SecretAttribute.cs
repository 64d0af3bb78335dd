namespace Slipway.Engine;

/// <summary>Marks a parameter as secret: its value is masked in all output and also read from the secret parameter source.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;
