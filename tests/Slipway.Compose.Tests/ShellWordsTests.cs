using Slipway.Compose.Reading;

namespace Slipway.Compose.Tests;

public sealed class ShellWordsTests
{
    [Theory]
    [InlineData("a b  c", new[] { "a", "b", "c" })]
    [InlineData("  padded  ", new[] { "padded" })]
    [InlineData("echo 'single $HOME \"quoted\"'", new[] { "echo", "single $HOME \"quoted\"" })]
    [InlineData("echo \"a \\\"b\\\" \\\\ c\"", new[] { "echo", "a \"b\" \\ c" })]
    [InlineData("echo \"keep \\n\"", new[] { "echo", "keep \\n" })]
    [InlineData("a\\ b c", new[] { "a b", "c" })]
    [InlineData("x'y'\"z\"", new[] { "xyz" })]
    [InlineData("empty '' arg", new[] { "empty", "", "arg" })]
    [InlineData("", new string[0])]
    public void CommandStringsSplitLikeAPosixShell(string text, string[] expected)
    {
        Assert.True(ShellWords.TrySplit(text, out var words, out _));
        Assert.Equal(expected, words);
    }

    [Theory]
    [InlineData("echo 'open")]
    [InlineData("echo \"open")]
    public void AnUnterminatedQuoteFails(string text)
    {
        Assert.False(ShellWords.TrySplit(text, out _, out var error));
        Assert.StartsWith("unterminated", error);
    }
}
