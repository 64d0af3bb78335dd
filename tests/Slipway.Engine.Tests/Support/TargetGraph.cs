using Slipway.Engine.Definition;
using Slipway.Engine.Planning;

namespace Slipway.Engine.Tests.Support;

/// <summary>Three bare targets A, B, C for planner tests; rewire them per test, e.g. graph.C = _ => _.DependsOn(graph.A).</summary>
internal sealed class TargetGraph
{
    public Target A { get; set; } = _ => _;
    public Target B { get; set; } = _ => _;
    public Target C { get; set; } = _ => _;
    public string? DefaultTarget { get; set; }

    public IReadOnlyList<ExecutableTarget> Plan(params string[] invoked) => Plan(invoked, skipped: null);

    public IReadOnlyList<ExecutableTarget> Plan(string[] invoked, string[]? skipped) =>
        ExecutionPlanner.GetExecutionPlan(
            ExecutableTargetFactory.Create([("A", A), ("B", B), ("C", C)], DefaultTarget),
            invoked,
            skipped);

    public string[] Order(params string[] invoked) => Plan(invoked).Select(target => target.Name).ToArray();
}
