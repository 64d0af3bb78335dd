namespace Slipway.Engine.Tests;

using Assert = Xunit.Assert;
using BuildAssert = Slipway.Engine.Assert;

public sealed class AssertTests
{
    [Fact]
    public void AFailedGuardNamesTheExpression()
    {
        var retries = 0;
        string? version = null;

        var truth = Assert.Throws<BuildAssertionException>(() => BuildAssert.True(retries > 0));
        var notNull = Assert.Throws<BuildAssertionException>(() => BuildAssert.NotNull(version));
        var fail = Assert.Throws<BuildAssertionException>(() => BuildAssert.Fail("Registry is read-only"));

        Assert.Equal("Assertion failed: retries > 0", truth.Message);
        Assert.Equal("Expected version to be set, but it is null", notNull.Message);
        Assert.Equal("Registry is read-only", fail.Message);
    }

    [Fact]
    public void NotNullReturnsTheValue()
    {
        int? port = 5000;

        Assert.Equal(5000, BuildAssert.NotNull(port));
        Assert.Equal("x", BuildAssert.NotNull((string?)"x"));
    }
}
