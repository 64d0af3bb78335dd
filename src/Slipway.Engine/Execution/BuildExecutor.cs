using System.Diagnostics;
using System.Linq.Expressions;
using Serilog;
using Slipway.Engine.Definition;
using Slipway.Engine.Logging;

namespace Slipway.Engine.Execution;

/// <summary>Gradually executes the targets of the plan: conditions, failures, assured-after-failure targets.</summary>
internal sealed class BuildExecutor(BuildConsole console)
{
    /// <summary>Marks targets whose static condition is false as skipped, before any target runs.</summary>
    public static void ApplyStaticConditions(IEnumerable<ExecutableTarget> plan)
    {
        foreach (var target in plan.Where(target => target.Status == ExecutionStatus.Scheduled))
        {
            if (FirstFalse(target.Definition.StaticConditions) is { } condition)
                Skip(target, $"OnlyWhenStatic: {condition}");
        }
    }

    /// <returns>True when no target failed.</returns>
    public bool Execute(IReadOnlyCollection<ExecutableTarget> plan)
    {
        var stopped = false;
        foreach (var target in plan)
        {
            if (target.Status == ExecutionStatus.Skipped)
                Log.Information("Skipping {Target}: {Reason}", target.Name, target.SkipReason);
            else if ((stopped && !target.Definition.IsAssuredAfterFailure) || HasUnsuccessfulDependency(target))
                target.Status = ExecutionStatus.NotRun;
            else
                stopped |= !Run(target) && !target.Definition.IsProceedingAfterFailure;
        }
        return plan.All(target => target.Status != ExecutionStatus.Failed);
    }

    static bool HasUnsuccessfulDependency(ExecutableTarget target) =>
        target.ExecutionDependencies.Any(dependency => dependency.Status is ExecutionStatus.Failed or ExecutionStatus.NotRun);

    /// <returns>False when the target failed.</returns>
    bool Run(ExecutableTarget target)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            if (FirstFalse(target.Definition.DynamicConditions) is { } condition)
            {
                Skip(target, $"OnlyWhenDynamic: {condition}");
                Log.Information("Skipping {Target}: {Reason}", target.Name, target.SkipReason);
                return true;
            }
            if (target.Definition.Actions.Count == 0)
            {
                target.Status = ExecutionStatus.Collective;
                return true;
            }
            RunActions(target);
            return true;
        }
        catch (Exception exception)
        {
            Fail(target, exception);
            return false;
        }
        finally
        {
            target.Duration = target.Status is ExecutionStatus.Succeeded or ExecutionStatus.Failed ? stopwatch.Elapsed : TimeSpan.Zero;
        }
    }

    void RunActions(ExecutableTarget target)
    {
        console.BeginTarget(target.Name);
        target.Status = ExecutionStatus.Running;
        try
        {
            // Task.Run keeps async targets off any synchronisation context the caller may hold.
            foreach (var action in target.Definition.Actions)
                Task.Run(action).GetAwaiter().GetResult();
            target.Status = ExecutionStatus.Succeeded;
        }
        finally
        {
            console.EndTarget();
        }
    }

    void Fail(ExecutableTarget target, Exception exception)
    {
        target.Status = ExecutionStatus.Failed;
        target.FailureMessage = SecretMasker.Mask(FirstLine(exception));
        Log.Error("Target {Target} failed: {Reason}", target.Name, target.FailureMessage);
        Log.Debug(exception, "Target {Target} failed with {ExceptionType}", target.Name, exception.GetType().Name);
        console.AnnotateFailure(target.Name, target.FailureMessage);
    }

    static string FirstLine(Exception exception) =>
        exception.Message.Split('\n', 2)[0].TrimEnd('\r') is { Length: > 0 } line ? line : exception.GetType().Name;

    static string? FirstFalse(IEnumerable<Expression<Func<bool>>> conditions) =>
        conditions.FirstOrDefault(condition => !condition.Compile()()) is { } failing ? ExpressionText.Of(failing) : null;

    static void Skip(ExecutableTarget target, string reason)
    {
        target.Status = ExecutionStatus.Skipped;
        target.SkipReason = reason;
    }
}
