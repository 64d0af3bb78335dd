using Slipway.Engine.Definition;

namespace Slipway.Engine;

/// <summary>A declared target resolved against the others, with its state in the current build.</summary>
public sealed class ExecutableTarget
{
    internal ExecutableTarget(string name, TargetDefinition definition, bool isDefault)
    {
        Name = name;
        Definition = definition;
        IsDefault = isDefault;
    }

    public string Name { get; }
    public string? Description => Definition.Description;
    public bool IsDefault { get; }
    public bool IsListed => !Definition.IsUnlisted;
    public bool IsInvoked { get; internal set; }
    public ExecutionStatus Status { get; internal set; }
    public TimeSpan Duration { get; internal set; }

    /// <summary>Why the target was skipped, e.g. "OnlyWhenDynamic: !TestsUpToDate" or "--skip".</summary>
    public string? SkipReason { get; internal set; }

    /// <summary>The masked first line of the exception that failed the target.</summary>
    public string? FailureMessage { get; internal set; }

    internal TargetDefinition Definition { get; }

    /// <summary>DependsOn, plus targets that declared DependentFor this one.</summary>
    internal List<ExecutableTarget> ExecutionDependencies { get; } = [];

    /// <summary>After, plus targets that declared Before this one; ordering only.</summary>
    internal List<ExecutableTarget> OrderDependencies { get; } = [];

    /// <summary>Targets whose presence in the plan pulls this one in after them.</summary>
    internal List<ExecutableTarget> TriggerDependencies { get; } = [];

    internal List<ExecutableTarget> Triggers { get; } = [];

    internal IEnumerable<ExecutableTarget> Predecessors =>
        ExecutionDependencies.Concat(OrderDependencies).Concat(TriggerDependencies).Distinct();

    public override string ToString() => Name;
}
