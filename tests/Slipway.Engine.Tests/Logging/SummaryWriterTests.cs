using Slipway.Engine.Definition;
using Slipway.Engine.Logging;

namespace Slipway.Engine.Tests.Logging;

using Assert = Xunit.Assert;

public sealed class SummaryWriterTests
{
    [Fact]
    public void TheSummaryShowsStatusDurationAndReasonPerTarget()
    {
        var plan = new[]
        {
            Target("Compile", ExecutionStatus.Succeeded, TimeSpan.FromSeconds(3)),
            Target("Test", ExecutionStatus.Skipped, skipReason: "OnlyWhenDynamic: !TestsUpToDate"),
            Target("PushRegistry", ExecutionStatus.Failed, TimeSpan.FromSeconds(2), failure: "Registry refused the push"),
            Target("DeployDev", ExecutionStatus.NotRun),
        };

        var lines = SummaryWriter.GetLines(plan, new DateTime(2026, 11, 23, 12, 0, 0));

        Assert.Equal(
            """
            ===============================================
            Target                   Status        Duration
            -----------------------------------------------
            Compile                  Succeeded         0:03
            Test                     Skipped                  // OnlyWhenDynamic: !TestsUpToDate
            PushRegistry             Failed            0:02   // Registry refused the push
            DeployDev                NotRun
            -----------------------------------------------
            Total                                      0:05
            ===============================================
            Build failed on 2026-11-23 12:00:00
            """.Replace("\r\n", "\n"),
            string.Join("\n", lines));
    }

    static ExecutableTarget Target(string name, ExecutionStatus status, TimeSpan duration = default, string? skipReason = null, string? failure = null) =>
        new(name, new TargetDefinition(), isDefault: false)
        {
            Status = status,
            Duration = duration,
            SkipReason = skipReason,
            FailureMessage = failure,
        };
}
