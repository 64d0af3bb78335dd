using System.Linq.Expressions;

namespace Slipway.Engine.Definition;

/// <summary>Records what a target's fluent sentence declares; resolved later by the factory.</summary>
internal sealed class TargetDefinition : ITargetDefinition
{
    public string? Description { get; private set; }
    public List<Target> Dependencies { get; } = [];
    public List<Target> Dependents { get; } = [];
    public List<Target> RunsAfter { get; } = [];
    public List<Target> RunsBefore { get; } = [];
    public List<Target> Triggered { get; } = [];
    public List<Target> Triggering { get; } = [];
    public List<Expression<Func<bool>>> StaticConditions { get; } = [];
    public List<Expression<Func<bool>>> DynamicConditions { get; } = [];
    public List<Expression<Func<object?>>> ParameterRequirements { get; } = [];
    public List<Expression<Func<bool>>> Requirements { get; } = [];
    public List<Func<Task>> Actions { get; } = [];
    public bool IsProceedingAfterFailure { get; private set; }
    public bool IsAssuredAfterFailure { get; private set; }
    public bool IsUnlisted { get; private set; }

    ITargetDefinition ITargetDefinition.Description(string text) => With(() => Description = text);
    public ITargetDefinition DependsOn(params Target[] targets) => With(() => Dependencies.AddRange(targets));
    public ITargetDefinition DependentFor(params Target[] targets) => With(() => Dependents.AddRange(targets));
    public ITargetDefinition After(params Target[] targets) => With(() => RunsAfter.AddRange(targets));
    public ITargetDefinition Before(params Target[] targets) => With(() => RunsBefore.AddRange(targets));
    public ITargetDefinition Triggers(params Target[] targets) => With(() => Triggered.AddRange(targets));
    public ITargetDefinition TriggeredBy(params Target[] targets) => With(() => Triggering.AddRange(targets));

    public ITargetDefinition OnlyWhenStatic(params Expression<Func<bool>>[] conditions) =>
        With(() => StaticConditions.AddRange(conditions));

    public ITargetDefinition OnlyWhenDynamic(params Expression<Func<bool>>[] conditions) =>
        With(() => DynamicConditions.AddRange(conditions));

    public ITargetDefinition Requires(params Expression<Func<object?>>[] parameterRequirements) =>
        With(() => ParameterRequirements.AddRange(parameterRequirements));

    public ITargetDefinition Requires(params Expression<Func<bool>>[] requirements) =>
        With(() => Requirements.AddRange(requirements));

    public ITargetDefinition ProceedAfterFailure() => With(() => IsProceedingAfterFailure = true);
    public ITargetDefinition AssuredAfterFailure() => With(() => IsAssuredAfterFailure = true);
    public ITargetDefinition Unlisted() => With(() => IsUnlisted = true);

    public ITargetDefinition Executes(Action action) =>
        With(() => Actions.Add(() => { action(); return Task.CompletedTask; }));

    public ITargetDefinition Executes(Func<Task> action) => With(() => Actions.Add(action));

    TargetDefinition With(Action change)
    {
        change();
        return this;
    }
}
