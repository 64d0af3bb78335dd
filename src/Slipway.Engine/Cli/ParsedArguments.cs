namespace Slipway.Engine.Cli;

/// <summary>The command line split into built-in options and parameter options, not yet checked against the build.</summary>
internal sealed record ParsedArguments
{
    public List<string> Targets { get; } = [];

    /// <summary>Null without --skip; empty for a bare --skip.</summary>
    public List<string>? Skip { get; set; }

    public bool IsHelp { get; set; }
    public bool IsPlan { get; set; }
    public Verbosity Verbosity { get; set; } = Verbosity.Normal;
    public List<string> Profiles { get; } = [];
    public string? Root { get; set; }

    /// <summary>Parameter options in command-line order; a repeated flag appends to the first occurrence.</summary>
    public List<ParsedOption> Options { get; } = [];
}

/// <summary>One "--flag value..." group as typed.</summary>
internal sealed record ParsedOption(string Flag, List<string> Values);

internal enum Verbosity
{
    Quiet,
    Minimal,
    Normal,
    Verbose,
}
