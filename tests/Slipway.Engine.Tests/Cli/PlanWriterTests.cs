using Slipway.Engine.Tests.Support;

namespace Slipway.Engine.Tests.Cli;

using Assert = Xunit.Assert;

public sealed class PlanWriterTests
{
    [Fact]
    public void PlanPrintsTheOrderedPlanAndWritesAMermaidGraphWithoutRunningAnything()
    {
        using var root = new TempRoot();

        var run = BuildRunner.Run<DeliveryBuild>(x => x.Compile, ["Clean", "Ci", "--skip", "Restore", "--tests-up-to-date", "--plan"], [], root);

        Assert.Equal(0, run.ExitCode);
        Assert.True(run.NothingExecuted);
        Snapshot.Match("plan.txt", run.Output.Replace(root.Path, "<root>"));
        Snapshot.Match("plan.mmd", File.ReadAllText(Path.Combine(root.Path, ".nuke", "temp", "plan.mmd")));
    }
}
