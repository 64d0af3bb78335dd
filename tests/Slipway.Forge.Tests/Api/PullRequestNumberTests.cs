using Slipway.Forge.Api;

namespace Slipway.Forge.Tests.Api;

public class PullRequestNumberTests
{
    [Theory]
    [InlineData("42", 42)]
    [InlineData("#7", 7)]
    [InlineData(" 128 ", 128)]
    public void ANumberIsRead(string text, int number) => Assert.Equal(number, PullRequestNumber.Parse(text));

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("-3")]
    [InlineData("4.2")]
    [InlineData("0")]
    [InlineData("99999999999")]
    [InlineData("refs/pull/4/head")]
    public void AnythingElseIsOneLineWithTheFix(string text)
    {
        var exception = Assert.Throws<ForgeException>(() => PullRequestNumber.Parse(text));
        Assert.Equal($"'{text}' is not a pull request number; pass the number the forge shows, e.g. --pr 42 (in a workflow: ${{{{ github.event.pull_request.number }}}})", exception.Message);
    }

    [Fact]
    public void AMissingValueIsNamedToo() =>
        Assert.StartsWith("'' is not a pull request number", Assert.Throws<ForgeException>(() => PullRequestNumber.Parse(null)).Message);
}
