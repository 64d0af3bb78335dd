namespace Slipway.Compose;

/// <summary>How a service joins one network: the extra DNS names it answers to there.</summary>
public sealed record NetworkAttachment(IReadOnlyList<string> Aliases);
