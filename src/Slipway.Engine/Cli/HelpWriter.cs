using Slipway.Engine.Parameters;

namespace Slipway.Engine.Cli;

/// <summary>Renders --help: usage, listed targets, parameters with their defaults, and the built-in options.</summary>
internal static class HelpWriter
{
    static readonly string[][] s_options =
    [
        ["--target <target...>", "Targets to run, like the names before the options"],
        ["--skip [<target...>]", "Skip the given targets; without names, skip all but the invoked ones"],
        ["--plan", "Print the execution plan and write it as a Mermaid graph; run nothing"],
        ["--profile <name...>", "Also read .nuke/parameters.<name>.json; later profiles win"],
        ["--verbosity <level>", "quiet, minimal, normal (default) or verbose"],
        ["--root <directory>", "Root directory (default: nearest ancestor holding .nuke/)"],
        ["--help, -h", "Show this help; run nothing"],
    ];

    public static IEnumerable<string> GetLines(IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ParameterMember> parameters)
    {
        yield return "Usage: ./build.sh [<target>...] [--<parameter> <value>...] [options]";
        yield return "";
        yield return "Targets:";
        foreach (var line in TextTable.Render(targets.Where(t => t.IsListed).Select(TargetRow).ToList()))
            yield return line;
        if (parameters.Count > 0)
        {
            yield return "";
            yield return "Parameters:";
            foreach (var line in TextTable.Render(parameters.OrderBy(p => p.Flag, StringComparer.Ordinal).Select(ParameterRow).ToList()))
                yield return line;
        }
        yield return "";
        yield return "Options:";
        foreach (var line in TextTable.Render(s_options))
            yield return line;
        yield return "";
        yield return "Parameters also come from SLIPWAY_<NAME> or <NAME> environment variables and .nuke/parameters[.<profile>].json.";
    }

    static string[] TargetRow(ExecutableTarget target) =>
    [
        target.Name + (target.IsDefault ? " (default)" : ""),
        target.ExecutionDependencies.Count > 0 ? "-> " + string.Join(", ", target.ExecutionDependencies) : "",
        target.Description ?? "",
    ];

    static string[] ParameterRow(ParameterMember parameter) =>
    [
        parameter.Flag,
        parameter.IsSecret ? "<secret>" : $"<{ValueConverter.Describe(parameter.Type)}>",
        (parameter.Description + Default(parameter)).Trim(),
    ];

    static string Default(ParameterMember parameter)
    {
        var text = parameter.IsSecret ? "" : ValueConverter.Format(parameter.DefaultValue);
        return text.Length == 0 ? "" : $" (default: {text})";
    }
}
