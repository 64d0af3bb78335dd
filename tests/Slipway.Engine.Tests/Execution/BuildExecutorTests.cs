using Serilog;
using Slipway.Engine.Tests.Support;

namespace Slipway.Engine.Tests.Execution;

using Assert = Xunit.Assert;

public sealed class BuildExecutorTests
{
    sealed class ConditionBuild : RecordingBuild
    {
        bool _compiled;

        Target Restore => _ => _.Executes(() => Record(nameof(Restore)));
        public Target Compile => _ => _.DependsOn(Restore).Executes(() => { Record(nameof(Compile)); _compiled = true; });
        public Target StaticCheck => _ => _.DependsOn(Compile).OnlyWhenStatic(() => _compiled).Executes(() => Record(nameof(StaticCheck)));
        public Target DynamicCheck => _ => _.DependsOn(Compile).OnlyWhenDynamic(() => _compiled).Executes(() => Record(nameof(DynamicCheck)));
        Target Packaged => _ => _.DependsOn(Compile).OnlyWhenStatic(() => !_compiled).Executes(() => Record(nameof(Packaged)));
    }

    [Fact]
    public void TargetsRunInPlanOrder()
    {
        var run = BuildRunner.Run<ConditionBuild>(x => x.Compile);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Restore", "Compile"], run.Executed);
        Assert.Contains("=== Compile ===", run.Output);
    }

    [Fact]
    public void TargetsCanBeNamedPositionallyOrWithTheTargetOption()
    {
        var positional = BuildRunner.Run<ConditionBuild>(x => x.Compile, "Restore", "--no-logo");
        var option = BuildRunner.Run<ConditionBuild>(x => x.Compile, "--target", "restore", "DynamicCheck");

        Assert.Equal(["Restore"], positional.Executed);
        Assert.Equal(["Restore", "Compile", "DynamicCheck"], option.Executed);
    }

    [Fact]
    public void AStaticConditionIsDecidedBeforeAnyTargetRuns()
    {
        var run = BuildRunner.Run<ConditionBuild>(x => x.StaticCheck);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Restore", "Compile"], run.Executed);
        Assert.Equal(ExecutionStatus.Skipped, run.Build!.SkippedTargets.Single().Status);
        Assert.Contains("// OnlyWhenStatic: _compiled", run.Output);
    }

    [Fact]
    public void ADynamicConditionSeesStateChangedByAnEarlierTarget()
    {
        var run = BuildRunner.Run<ConditionBuild>(x => x.DynamicCheck);

        Assert.Equal(["Restore", "Compile", "DynamicCheck"], run.Executed);
    }

    [Fact]
    public void DependenciesOfAStaticallySkippedTargetStillRun()
    {
        var run = BuildRunner.Run<ConditionBuild>(x => x.Compile, "Packaged");

        Assert.Equal(["Restore", "Compile", "Packaged"], run.Executed);
    }

    sealed class FailingBuild : RecordingBuild
    {
        Target Compile => _ => _.Executes(() => Record(nameof(Compile)));
        Target Lint => _ => _.ProceedAfterFailure().Executes(() => Fail(nameof(Lint), "3 style errors\nat line 4"));
        public Target Test => _ => _.DependsOn(Compile).Executes(() => Fail(nameof(Test), "2 of 10 tests failed (100% red)\nmore detail"));
        public Target Pack => _ => _.DependsOn(Test).Executes(() => Record(nameof(Pack)));
        Target Publish => _ => _.DependsOn(Compile).After(Test).Executes(() => Record(nameof(Publish)));
        public Target Report => _ => _.DependsOn(Compile).After(Pack).AssuredAfterFailure().Executes(() => Record(nameof(Report)));
        Target Docs => _ => _.DependsOn(Lint).Executes(() => Record(nameof(Docs)));
        public Target All => _ => _.DependsOn(Lint, Pack, Publish, Report, Docs);

        void Fail(string name, string message)
        {
            Record(name);
            throw new InvalidOperationException(message);
        }
    }

    [Fact]
    public void AFailedTargetStopsTheBuildAndItsDependentsDoNotRun()
    {
        var run = BuildRunner.Run<FailingBuild>(x => x.Pack, "Pack", "Publish");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["Compile", "Test"], run.Executed);
        Assert.Equal(["Test"], run.Build!.FailedTargets.Select(t => t.Name));
        Assert.Equal(ExecutionStatus.NotRun, run.Build.ExecutionPlan.Single(t => t.Name == "Pack").Status);
        Assert.Equal(ExecutionStatus.NotRun, run.Build.ExecutionPlan.Single(t => t.Name == "Publish").Status);
        Assert.Contains("[ERR] Target Test failed: 2 of 10 tests failed (100% red)", run.Output);
        Assert.Contains("Build failed on", run.Output);
    }

    [Fact]
    public void AFailureIsLoggedWithItsFirstLineAndTheStackTraceOnlyWhenVerbose()
    {
        var normal = BuildRunner.Run<FailingBuild>(x => x.Test);
        var verbose = BuildRunner.Run<FailingBuild>(x => x.Test, "--verbosity", "verbose");

        Assert.DoesNotContain("more detail", normal.Output);
        Assert.DoesNotContain("   at ", normal.Output);
        Assert.Contains("// 2 of 10 tests failed (100% red)", normal.Output);
        Assert.Contains("   at ", verbose.Output);
    }

    [Fact]
    public void AnAssuredTargetStillRunsAfterAFailure()
    {
        var run = BuildRunner.Run<FailingBuild>(x => x.Report, "Pack", "Report");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["Compile", "Test", "Report"], run.Executed);
    }

    [Fact]
    public void ProceedAfterFailureKeepsTheBuildGoingButTheBuildStillFails()
    {
        var run = BuildRunner.Run<FailingBuild>(x => x.All, "Lint", "Docs", "Publish");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["Compile", "Lint", "Publish"], run.Executed);
        Assert.Equal(ExecutionStatus.NotRun, run.Build!.ExecutionPlan.Single(t => t.Name == "Docs").Status);
    }

    [Fact]
    public void UnderCiEachTargetIsGroupedAndAFailureIsAnnotated()
    {
        var run = BuildRunner.Run<FailingBuild>(x => x.Test, [], new() { ["FORGEJO_ACTIONS"] = "true" });

        Assert.Equal(CiHost.ForgejoActions, run.Build!.Host);
        Assert.True(run.Build.IsServerBuild);
        Assert.Contains("::group::Compile\n=== Compile ", run.Output);
        Assert.Contains("::endgroup::", run.Output);
        Assert.Contains("::error title=Test::2 of 10 tests failed (100%25 red)\n", run.Output);
    }

    [Fact]
    public void LocallyThereAreNoWorkflowCommands()
    {
        var run = BuildRunner.Run<FailingBuild>(x => x.Test);

        Assert.True(run.Build!.IsLocalBuild);
        Assert.DoesNotContain("::", run.Output);
    }

    sealed class AsyncBuild : RecordingBuild
    {
        bool _ready;

        Target Prepare => _ => _.Executes(async () =>
        {
            await Task.Delay(20);
            _ready = true;
            Log.Information("Prepared {Thing}", "cache");
        });

        public Target Use => _ => _.DependsOn(Prepare).Executes(() => Record(_ready ? "ready" : "not ready"));
        public Target Everything => _ => _.DependsOn(Use).Description("Collective");
    }

    [Fact]
    public void AsyncTargetsAreAwaitedBeforeTheNextTargetStarts()
    {
        var run = BuildRunner.Run<AsyncBuild>(x => x.Use);

        Assert.Equal(["ready"], run.Executed);
        Assert.Matches(@"\d\d:\d\d:\d\d \[INF\] Prepared cache", run.Output);
    }

    [Fact]
    public void ATargetWithoutActionsIsCollective()
    {
        var run = BuildRunner.Run<AsyncBuild>(x => x.Everything);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(ExecutionStatus.Collective, run.Build!.ExecutionPlan.Last().Status);
        Assert.DoesNotContain("=== Everything", run.Output);
    }

    [Fact]
    public void QuietVerbosityHidesInformationAndTheSummary()
    {
        var run = BuildRunner.Run<AsyncBuild>(x => x.Use, "--verbosity", "quiet");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Output);
    }

    sealed class HookBuild : RecordingBuild
    {
        public Target Compile => _ => _.Executes(() => Record(nameof(Compile)));

        protected override void OnBuildInitialized() => Record($"initialized with {ExecutionPlan.Count} planned");

        protected override void OnBuildFinished() => Record($"finished with {SucceededTargets.Count} succeeded");
    }

    [Fact]
    public void HooksRunAroundTheTargets()
    {
        var run = BuildRunner.Run<HookBuild>(x => x.Compile);

        Assert.Equal(["initialized with 1 planned", "Compile", "finished with 1 succeeded"], run.Executed);
        Assert.Equal(["Compile"], run.Build!.InvokedTargets.Select(t => t.Name));
    }
}
