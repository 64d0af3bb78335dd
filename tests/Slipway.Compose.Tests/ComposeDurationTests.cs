using Slipway.Compose.Reading;

namespace Slipway.Compose.Tests;

public sealed class ComposeDurationTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("500ms", 500)]
    [InlineData("10s", 10_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("2h45m10s250ms", 9_910_250)]
    [InlineData("1500us", 1.5)]
    public void ComposeDurationsParse(string text, double milliseconds)
    {
        Assert.True(ComposeDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("10")]
    [InlineData("10x")]
    [InlineData("-5s")]
    [InlineData("1 m")]
    [InlineData("")]
    public void OtherTextIsNotADuration(string text)
    {
        Assert.False(ComposeDuration.TryParse(text, out _));
    }

    [Theory]
    [InlineData(90_000, "1m30s")]
    [InlineData(500, "500ms")]
    [InlineData(3_600_000, "1h")]
    [InlineData(0, "0s")]
    [InlineData(1.5, "1ms500us")]
    public void DurationsFormatInComposeFormatAndParseBack(double milliseconds, string expected)
    {
        var text = ComposeDuration.Format(TimeSpan.FromMilliseconds(milliseconds));

        Assert.Equal(expected, text);
        Assert.True(ComposeDuration.TryParse(text, out var parsed));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), parsed);
    }
}
