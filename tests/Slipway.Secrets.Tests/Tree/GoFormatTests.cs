using Slipway.Secrets.Tree;

namespace Slipway.Secrets.Tests.Tree;

public sealed class GoFormatTests
{
    [Theory]
    [InlineData(1234567890.0 - 1890.0, "1234566000")]
    [InlineData(1.234568e9, "1234568000")]
    [InlineData(25.4, "25.4")]
    [InlineData(1e21, "1000000000000000000000")]
    [InlineData(1e-7, "0.0000001")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(38.0, "38")]
    [InlineData(1234.56789, "1234.56789")]
    public void FloatsPrintLikeGoFormatFloatWithoutExponent(double value, string expected)
    {
        Assert.Equal(expected, GoFormat.Float(value));
    }

    [Fact]
    public void BooleansHashTitleCasedAsSopsDoes()
    {
        Assert.Equal("True", GoFormat.MacText(true));
        Assert.Equal("False", GoFormat.MacText(false));
        Assert.Equal("42", GoFormat.MacText(42L));
    }

    [Theory]
    [InlineData("42", 42L)]
    [InlineData("-7", -7L)]
    [InlineData("0x1F", 31L)]
    [InlineData("0o17", 15L)]
    [InlineData("017", 15L)]
    [InlineData("0b101", 5L)]
    [InlineData("08", null)]
    [InlineData("9223372036854775808", null)]
    public void IntegersParseLikeGoParseIntBaseZero(string text, long? expected)
    {
        Assert.Equal(expected, GoFormat.ParseInt(text));
    }
}
