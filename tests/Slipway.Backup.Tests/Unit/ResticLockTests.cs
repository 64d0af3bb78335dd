using Slipway.Backup.Restic;

namespace Slipway.Backup.Tests.Unit;

public sealed class ResticLockTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    static ResticLock Lock(string host, TimeSpan age) => new("id12345678", Now - age, false, host, "root", 4242);

    [Fact]
    public void ALockOfAGoneProcessOnThisHostIsStale() =>
        Assert.True(Lock("here", TimeSpan.FromMinutes(1)).IsStale(Now, "here", _ => false));

    [Fact]
    public void ALockOfARunningProcessOnThisHostIsLive() =>
        Assert.False(Lock("here", TimeSpan.FromMinutes(1)).IsStale(Now, "here", _ => true));

    [Fact]
    public void ARecentLockOfAnotherHostIsLiveBecauseItsProcessCannotBeSeen() =>
        Assert.False(Lock("elsewhere", TimeSpan.FromMinutes(29)).IsStale(Now, "here", _ => false));

    [Fact]
    public void AnyLockOlderThanThirtyMinutesIsStale() =>
        Assert.True(Lock("elsewhere", TimeSpan.FromMinutes(31)).IsStale(Now, "here", _ => true));

    [Fact]
    public void ResticsLockJsonIsRead()
    {
        var parsed = ResticLock.Parse("abcdef1234", """{"time":"2026-11-23T12:25:15.318846935Z","exclusive":true,"hostname":"vm","username":"root","pid":2398}""");

        Assert.Equal(("vm", 2398, true), (parsed.Hostname, parsed.Pid, parsed.Exclusive));
        Assert.Equal("PID 2398 on vm (root) since 2026-11-23 12:25:15Z, exclusive", parsed.Holder);
    }
}
