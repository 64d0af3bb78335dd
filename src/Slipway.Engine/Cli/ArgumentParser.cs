using Slipway.Engine.Parameters;

namespace Slipway.Engine.Cli;

/// <summary>Splits the command line into positional targets, built-in options and parameter options.</summary>
internal static class ArgumentParser
{
    public static readonly string[] BuiltInFlags = ["--target", "--skip", "--help", "--plan", "--verbosity", "--profile", "--root", "--no-logo"];

    public static ParsedArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new ParsedArguments();
        var index = 0;
        for (; index < args.Count && !IsOption(args[index]); index++)
            parsed.Targets.Add(args[index]);
        while (index < args.Count)
        {
            var flag = args[index++];
            var values = new List<string>();
            for (; index < args.Count && !IsOption(args[index]); index++)
                values.Add(args[index]);
            Apply(parsed, flag == "-h" ? "--help" : flag, values);
        }
        return parsed;
    }

    /// <summary>Only "--name" and "-h" are options, so "-5" can be a value.</summary>
    static bool IsOption(string token) => token.StartsWith("--", StringComparison.Ordinal) || token == "-h";

    static void Apply(ParsedArguments parsed, string flag, List<string> values)
    {
        switch (ParameterNames.Normalize(flag))
        {
            case "target": parsed.Targets.AddRange(AtLeastOne(flag, values, "<target>")); break;
            case "skip": (parsed.Skip ??= []).AddRange(values); break;
            case "help": parsed.IsHelp = NoValue(flag, values); break;
            case "plan": parsed.IsPlan = NoValue(flag, values); break;
            case "nologo": NoValue(flag, values); break;
            case "verbosity": parsed.Verbosity = ParseVerbosity(flag, values); break;
            case "profile": parsed.Profiles.AddRange(AtLeastOne(flag, values, "<name>")); break;
            case "root": parsed.Root = ExactlyOne(flag, values, "<directory>"); break;
            default: AddOption(parsed, flag, values); break;
        }
    }

    static void AddOption(ParsedArguments parsed, string flag, List<string> values)
    {
        var existing = parsed.Options.FirstOrDefault(option => ParameterNames.Normalize(option.Flag) == ParameterNames.Normalize(flag));
        if (existing is null)
            parsed.Options.Add(new ParsedOption(flag, values));
        else
            existing.Values.AddRange(values);
    }

    static bool NoValue(string flag, List<string> values) =>
        values.Count == 0
            ? true
            : throw new BuildUsageException(
                $"Option '{flag}' takes no value, got '{values[0]}'; targets go before options: ./build.sh {values[0]} {flag}");

    static List<string> AtLeastOne(string flag, List<string> values, string placeholder) =>
        values.Count > 0 ? values : throw new BuildUsageException($"Option '{flag}' needs a value: {flag} {placeholder}");

    static string ExactlyOne(string flag, List<string> values, string placeholder) =>
        AtLeastOne(flag, values, placeholder) is [var value]
            ? value
            : throw new BuildUsageException($"Option '{flag}' takes one value, got {values.Count}: {string.Join(" ", values)}");

    static Verbosity ParseVerbosity(string flag, List<string> values)
    {
        var text = ExactlyOne(flag, values, "quiet|minimal|normal|verbose");
        return Enum.TryParse<Verbosity>(text, ignoreCase: true, out var verbosity) && Enum.IsDefined(verbosity)
            ? verbosity
            : throw new BuildUsageException($"Option '{flag}' expects quiet, minimal, normal or verbose, got '{text}'");
    }
}
