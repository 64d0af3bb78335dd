namespace Slipway.Engine;

/// <summary>The build was invoked or defined wrongly (usage, parameters, requirements, cycles); nothing runs and the exit code is 2.</summary>
public sealed class BuildUsageException(string message) : Exception(message);
