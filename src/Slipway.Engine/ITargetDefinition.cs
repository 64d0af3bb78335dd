using System.Linq.Expressions;

namespace Slipway.Engine;

/// <summary>The fluent sentence that says what a target does and when it runs.</summary>
public interface ITargetDefinition
{
    ITargetDefinition Description(string text);

    /// <summary>The given targets join the plan and run before this one.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    /// <summary>This target joins the plan of the given targets and runs before them.</summary>
    ITargetDefinition DependentFor(params Target[] targets);

    /// <summary>Runs after the given targets when they are planned too; never adds them.</summary>
    ITargetDefinition After(params Target[] targets);

    /// <summary>Runs before the given targets when they are planned too; never adds them.</summary>
    ITargetDefinition Before(params Target[] targets);

    /// <summary>The given targets join the plan whenever this one is in it, and run after it.</summary>
    ITargetDefinition Triggers(params Target[] targets);

    /// <summary>This target joins the plan whenever one of the given targets is in it, and runs after it.</summary>
    ITargetDefinition TriggeredBy(params Target[] targets);

    /// <summary>Skips the target when a condition is false, decided before any target runs.</summary>
    ITargetDefinition OnlyWhenStatic(params Expression<Func<bool>>[] conditions);

    /// <summary>Skips the target when a condition is false, decided right before it runs.</summary>
    ITargetDefinition OnlyWhenDynamic(params Expression<Func<bool>>[] conditions);

    /// <summary>Fails the build before anything runs when a parameter is null or empty.</summary>
    ITargetDefinition Requires(params Expression<Func<object?>>[] parameterRequirements);

    /// <summary>Fails the build before anything runs when a requirement is false.</summary>
    ITargetDefinition Requires(params Expression<Func<bool>>[] requirements);

    /// <summary>A failure of this target does not stop the build (the build still ends failed).</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>Runs even after another target failed, as long as its own dependencies succeeded.</summary>
    ITargetDefinition AssuredAfterFailure();

    /// <summary>Hides the target from --help and from the list of valid targets.</summary>
    ITargetDefinition Unlisted();

    ITargetDefinition Executes(Action action);

    ITargetDefinition Executes(Func<Task> action);
}
