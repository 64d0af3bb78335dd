namespace Slipway.Backup.Tests.Unit;

public sealed class PausePlanTests
{
    [Fact]
    public void EachContainerIsPausedFromItsFirstToItsLastVolume()
    {
        var plan = PausePlan.For([("db", ["c1"]), ("files", ["c2"]), ("logs", ["c1", "c3"])]);

        Assert.Equal(
            [("db", "c1", ""), ("files", "c2", "c2"), ("logs", "c3", "c1,c3")],
            plan.Select(s => (s.Volume, string.Join(",", s.PauseBefore), string.Join(",", s.UnpauseAfter))));
    }

    [Fact]
    public void AVolumeNobodyMountsPausesNothing() =>
        Assert.All(PausePlan.For([("cold", [])]), s => Assert.Empty(s.PauseBefore));
}
