namespace Slipway.Secrets.Tests;

public sealed class SecretValueTests
{
    [Fact]
    public void ASecretPrintsRedactedEverywhereButReveal()
    {
        var secret = new SecretValue("hunter2");

        Assert.Equal("[REDACTED]", secret.ToString());
        Assert.Equal("password=[REDACTED]", $"password={secret}");
        Assert.Equal("hunter2", secret.Reveal());
    }
}
