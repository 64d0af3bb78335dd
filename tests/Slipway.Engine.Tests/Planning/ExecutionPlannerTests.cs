using Slipway.Engine.Tests.Support;

namespace Slipway.Engine.Tests.Planning;

using Assert = Xunit.Assert;

public sealed class ExecutionPlannerTests
{
    readonly TargetGraph _graph = new();

    [Fact]
    public void DependenciesRunBeforeTheTargetsThatDependOnThem()
    {
        _graph.C = _ => _.DependsOn(_graph.B);
        _graph.B = _ => _.DependsOn(_graph.A);

        Assert.Equal(["A", "B", "C"], _graph.Order("C"));
    }

    [Fact]
    public void TargetsOutsideTheDependencyClosureAreNotPlanned()
    {
        _graph.B = _ => _.DependsOn(_graph.A);

        Assert.Equal(["A", "B"], _graph.Order("B"));
    }

    [Fact]
    public void DeclarationOrderBreaksTiesNotArgumentOrder()
    {
        _graph.C = _ => _.DependsOn(_graph.B, _graph.A);

        Assert.Equal(["A", "B", "C"], _graph.Order("C"));
    }

    [Fact]
    public void DependencyOrderWinsOverDeclarationOrder()
    {
        _graph.A = _ => _.DependsOn(_graph.C);

        Assert.Equal(["C", "A"], _graph.Order("A"));
    }

    [Fact]
    public void DependentForPutsTheDeclaringTargetIntoThePlanOfItsDependent()
    {
        _graph.A = _ => _.DependentFor(_graph.C);

        Assert.Equal(["A", "C"], _graph.Order("C"));
    }

    [Fact]
    public void TriggeredTargetsJoinThePlanAndRunAfterTheirTrigger()
    {
        _graph.A = _ => _.Triggers(_graph.C);
        _graph.C = _ => _.DependsOn(_graph.B);

        Assert.Equal(["A", "B", "C"], _graph.Order("A"));
    }

    [Fact]
    public void ATriggeredTargetDeclaredEarlierStillRunsAfterItsTrigger()
    {
        _graph.C = _ => _.Triggers(_graph.A);

        Assert.Equal(["C", "A"], _graph.Order("C"));
    }

    [Fact]
    public void TriggeredByWorksLikeTriggersFromTheOtherSide()
    {
        _graph.A = _ => _.TriggeredBy(_graph.C);

        Assert.Equal(["C", "A"], _graph.Order("C"));
        Assert.Equal(["A"], _graph.Order("A"));
    }

    [Fact]
    public void AfterOrdersTargetsButNeverAddsThem()
    {
        _graph.A = _ => _.After(_graph.C);

        Assert.Equal(["A"], _graph.Order("A"));
        Assert.Equal(["C", "A"], _graph.Order("A", "C"));
    }

    [Fact]
    public void BeforeOrdersTargetsButNeverAddsThem()
    {
        _graph.C = _ => _.Before(_graph.A);

        Assert.Equal(["A"], _graph.Order("A"));
        Assert.Equal(["C", "A"], _graph.Order("A", "C"));
    }

    [Fact]
    public void ACycleIsAnErrorNamingIt()
    {
        _graph.A = _ => _.DependsOn(_graph.B);
        _graph.B = _ => _.DependsOn(_graph.A);

        var exception = Assert.Throws<BuildUsageException>(() => _graph.Plan("C"));

        Assert.Equal("Circular dependency: A -> B -> A", exception.Message);
    }

    [Fact]
    public void ACycleThroughOrderingAndTriggersIsAnError()
    {
        _graph.A = _ => _.After(_graph.C);
        _graph.B = _ => _.TriggeredBy(_graph.A);
        _graph.C = _ => _.DependsOn(_graph.B);

        var exception = Assert.Throws<BuildUsageException>(() => _graph.Plan("A"));

        Assert.Equal("Circular dependency: A -> C -> B -> A", exception.Message);
    }

    [Fact]
    public void AnUnknownTargetIsAnErrorListingTheValidOnes()
    {
        _graph.B = _ => _.Unlisted();

        var exception = Assert.Throws<BuildUsageException>(() => _graph.Plan("D"));

        Assert.Equal("Unknown target 'D'; valid targets: A, C", exception.Message);
    }

    [Fact]
    public void TargetNamesAreCaseInsensitive() => Assert.Equal(["B"], _graph.Order("b"));

    [Fact]
    public void WithoutInvokedTargetsTheDefaultTargetIsPlanned()
    {
        _graph.DefaultTarget = "B";

        var plan = _graph.Plan();

        Assert.Equal("B", Assert.Single(plan).Name);
        Assert.True(plan[0].IsInvoked);
    }

    [Fact]
    public void ABareSkipSkipsEveryTargetButTheInvokedOnes()
    {
        _graph.C = _ => _.DependsOn(_graph.A, _graph.B);

        var plan = _graph.Plan(["C"], skipped: []);

        Assert.Equal(
            [ExecutionStatus.Skipped, ExecutionStatus.Skipped, ExecutionStatus.Scheduled],
            plan.Select(target => target.Status));
        Assert.Equal("--skip", plan[0].SkipReason);
    }

    [Fact]
    public void SkipWithNamesSkipsOnlyThoseTargets()
    {
        _graph.C = _ => _.DependsOn(_graph.A, _graph.B);

        var plan = _graph.Plan(["C"], skipped: ["a"]);

        Assert.Equal(
            [ExecutionStatus.Skipped, ExecutionStatus.Scheduled, ExecutionStatus.Scheduled],
            plan.Select(target => target.Status));
    }

    [Fact]
    public void SkippingAnUnknownTargetIsAnError()
    {
        var exception = Assert.Throws<BuildUsageException>(() => _graph.Plan(["C"], skipped: ["Deplo"]));

        Assert.StartsWith("Unknown target 'Deplo'; valid targets: A, B, C", exception.Message);
    }
}
