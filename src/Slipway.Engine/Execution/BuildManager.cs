using System.Linq.Expressions;
using Serilog;
using Serilog.Core;
using Slipway.Engine.Cli;
using Slipway.Engine.Definition;
using Slipway.Engine.Logging;
using Slipway.Engine.Parameters;
using Slipway.Engine.Planning;
using Slipway.Engine.Requirements;

namespace Slipway.Engine.Execution;

/// <summary>The top-level sequence of a build: parse, inject, plan, check, execute, summarise.</summary>
internal static class BuildManager
{
    public const int Succeeded = 0;
    public const int TargetFailed = 1;
    public const int BadInput = 2;

    public static int Execute<T>(Expression<Func<T, Target>> defaultTarget, BuildInvocation invocation)
        where T : BuildBase, new()
    {
        using var console = BuildConsole.Attach(invocation.Output, invocation.Error);
        var level = new LoggingLevelSwitch();
        var previousLogger = Log.Logger;
        using var logger = BuildLog.Create(level);
        Log.Logger = logger;
        try
        {
            var arguments = ArgumentParser.Parse(invocation.Args);
            level.MinimumLevel = BuildLog.ToLevel(arguments.Verbosity);
            console.Verbosity = arguments.Verbosity;
            return Run(new T(), DefaultTargetName(defaultTarget), arguments, invocation, console);
        }
        catch (BuildUsageException exception)
        {
            foreach (var line in exception.Message.Split('\n'))
                Log.Error("{Problem}", line.TrimEnd('\r'));
            return BadInput;
        }
        catch (Exception exception)
        {
            Log.Error("Build failed outside any target: {Reason}", exception.Message);
            Log.Debug(exception, "Build failed with {ExceptionType}", exception.GetType().Name);
            return TargetFailed;
        }
        finally
        {
            Log.Logger = previousLogger;
        }
    }

    static int Run(BuildBase build, string defaultTargetName, ParsedArguments arguments, BuildInvocation invocation, BuildConsole console)
    {
        build.RootDirectory = FindRoot(arguments.Root ?? invocation.RootDirectory, Directory.GetCurrentDirectory());
        build.Host = console.Host = CiHostDetector.Detect(invocation.Environment);
        var targets = ExecutableTargetFactory.Create(build, defaultTargetName);
        var parameters = ParameterMember.Discover(build);
        if (arguments.IsHelp)
        {
            console.WriteLines(HelpWriter.GetLines(targets, parameters));
            return Succeeded;
        }
        new ParameterService(parameters, arguments, invocation.Environment, build.RootDirectory).Inject(build);
        var plan = ExecutionPlanner.GetExecutionPlan(targets, arguments.Targets, arguments.Skip);
        build.ExecutionPlan = plan;
        build.NotifyBuildInitialized();
        BuildExecutor.ApplyStaticConditions(plan);
        if (arguments.IsPlan)
            return WritePlan(build, plan, console);
        RequirementChecker.ValidateRequirements(plan, parameters);
        return ExecuteTargets(build, plan, console);
    }

    static int ExecuteTargets(BuildBase build, IReadOnlyList<ExecutableTarget> plan, BuildConsole console)
    {
        try
        {
            return new BuildExecutor(console).Execute(plan) ? Succeeded : TargetFailed;
        }
        finally
        {
            if (console.Verbosity >= Verbosity.Minimal)
                console.WriteLines(SummaryWriter.GetLines(plan, DateTime.Now));
            build.NotifyBuildFinished();
        }
    }

    static int WritePlan(BuildBase build, IReadOnlyList<ExecutableTarget> plan, BuildConsole console)
    {
        var graphPath = build.TemporaryDirectory / "plan.mmd";
        File.WriteAllText(graphPath, PlanWriter.GetMermaid(plan));
        console.WriteLines(PlanWriter.GetLines(plan, graphPath));
        return Succeeded;
    }

    /// <summary>An explicit root (relative to the current directory) wins; otherwise the nearest ancestor holding .nuke/.</summary>
    internal static AbsolutePath FindRoot(string? explicitRoot, string currentDirectory)
    {
        if (explicitRoot is not null)
            return (AbsolutePath)Path.GetFullPath(explicitRoot, currentDirectory);
        var start = (AbsolutePath)currentDirectory;
        for (var directory = start; directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(directory / ".nuke"))
                return directory;
        }
        throw new BuildUsageException($"No .nuke directory in {start} or above; create one at the repository root or pass --root <directory>");
    }

    static string DefaultTargetName<T>(Expression<Func<T, Target>> defaultTarget) =>
        defaultTarget.Body is MemberExpression member
            ? member.Member.Name
            : throw new BuildUsageException($"The default target must be a Target property, e.g. Execute<Build>(x => x.Compile); got {defaultTarget}");
}
