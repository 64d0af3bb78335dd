namespace Slipway.Engine;

/// <summary>A build target: a function that describes the target on the definition it is given.</summary>
public delegate ITargetDefinition Target(ITargetDefinition _);
