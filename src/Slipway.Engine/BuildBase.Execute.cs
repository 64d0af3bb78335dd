using System.Collections;
using System.Linq.Expressions;
using Slipway.Engine.Execution;

namespace Slipway.Engine;

public abstract partial class BuildBase
{
    /// <summary>Runs the build with this process's arguments and environment; returns 0 on success, 1 when a target failed, 2 on bad input.</summary>
    public static int Execute<T>(Expression<Func<T, Target>> defaultTarget)
        where T : BuildBase, new()
    {
        var environment = Environment.GetEnvironmentVariables()
            .Cast<DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value ?? "");
        var invocation = new BuildInvocation(Environment.GetCommandLineArgs()[1..], environment, RootDirectory: null, Console.Out, Console.Error);
        return BuildManager.Execute(defaultTarget, invocation);
    }

    /// <summary>Runs the build with the given arguments, environment and root directory, writing all output to one writer.</summary>
    public static int Execute<T>(
        Expression<Func<T, Target>> defaultTarget,
        IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string> environment,
        string rootDirectory,
        TextWriter output)
        where T : BuildBase, new() =>
        BuildManager.Execute(defaultTarget, new BuildInvocation(args, environment, rootDirectory, output, output));
}
