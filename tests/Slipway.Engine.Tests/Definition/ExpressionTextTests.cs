using System.Linq.Expressions;
using Slipway.Engine.Definition;

namespace Slipway.Engine.Tests.Definition;

using Assert = Xunit.Assert;

public sealed class ExpressionTextTests
{
    bool TestsUpToDate { get; } = true;
    CiHost Host { get; } = CiHost.Local;
    string? Version { get; } = null;
    int Retries { get; } = 3;

    [Fact]
    public void ConditionsReadAsTheCodeThatWasWritten()
    {
        var branch = "main";

        Assert.Equal("!TestsUpToDate", Text(() => !TestsUpToDate));
        Assert.Equal("Host == CiHost.GitHubActions", Text(() => Host == CiHost.GitHubActions));
        Assert.Equal("Version != null && Retries > 2", Text(() => Version != null && Retries > 2));
        Assert.Equal("!(TestsUpToDate || branch == \"main\")", Text(() => !(TestsUpToDate || branch == "main")));
        Assert.Equal("branch.StartsWith(\"release/\")", Text(() => branch.StartsWith("release/")));
        Assert.Equal("string.IsNullOrEmpty(Version)", Text(() => string.IsNullOrEmpty(Version)).Replace("String.", "string."));
    }

    static string Text(Expression<Func<bool>> condition) => ExpressionText.Of(condition);
}
