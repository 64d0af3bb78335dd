using System.Linq.Expressions;

namespace Slipway.Engine.Tests.Support;

/// <summary>Outcome of one end-to-end run through the testable Execute overload.</summary>
internal sealed record BuildRun<T>(int ExitCode, string Output, IReadOnlyList<string> Executed, T? Build)
    where T : RecordingBuild
{
    public bool NothingExecuted => Executed.Count == 0;
}

/// <summary>Runs a test build end to end in a temporary root directory.</summary>
internal static class BuildRunner
{
    public static BuildRun<T> Run<T>(Expression<Func<T, Target>> defaultTarget, params string[] args)
        where T : RecordingBuild, new() =>
        Run(defaultTarget, args, new Dictionary<string, string>());

    public static BuildRun<T> Run<T>(
        Expression<Func<T, Target>> defaultTarget,
        string[] args,
        Dictionary<string, string> environment,
        TempRoot? root = null)
        where T : RecordingBuild, new()
    {
        using var ownRoot = root is null ? new TempRoot() : null;
        var output = new StringWriter();
        var journal = RecordingBuild.StartJournal();
        var exitCode = BuildBase.Execute(defaultTarget, args, environment, (root ?? ownRoot)!.Path, output);
        return new BuildRun<T>(exitCode, output.ToString().Replace("\r\n", "\n"), journal, RecordingBuild.Last as T);
    }
}
