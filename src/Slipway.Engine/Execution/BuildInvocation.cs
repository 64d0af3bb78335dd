namespace Slipway.Engine.Execution;

/// <summary>Everything a build reads from its process: arguments, environment, root directory and output streams.</summary>
internal sealed record BuildInvocation(
    IReadOnlyList<string> Args,
    IReadOnlyDictionary<string, string> Environment,
    string? RootDirectory,
    TextWriter Output,
    TextWriter Error);
