using Slipway.Engine.Tests.Support;

namespace Slipway.Engine.Tests.Cli;

using Assert = Xunit.Assert;

public sealed class HelpWriterTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void HelpListsTargetsParametersAndOptions(string flag)
    {
        var run = BuildRunner.Run<DeliveryBuild>(x => x.Compile, flag);

        Assert.Equal(0, run.ExitCode);
        Assert.True(run.NothingExecuted);
        Snapshot.Match("help.txt", run.Output);
    }

    [Fact]
    public void HelpNeverShowsASecretDefault()
    {
        var run = BuildRunner.Run<DeliveryBuild>(x => x.Compile, "--help");

        Assert.DoesNotContain("s3cr3t-default", run.Output);
        Assert.Contains("--registry-token    <secret>", run.Output);
    }
}
