namespace Slipway.Engine.Tests;

using Assert = Xunit.Assert;

public sealed class AbsolutePathTests
{
    [Fact]
    public void PathsComposeAndNormalise()
    {
        var root = (AbsolutePath)"/repo/";

        var file = root / "src" / ".." / "compose" / "prod.yml";

        Assert.Equal("/repo/compose/prod.yml", (string)file);
        Assert.Equal("prod.yml", file.Name);
        Assert.Equal(root / "compose", file.Parent);
        Assert.False(file.Exists());
    }

    [Fact]
    public void ARelativePathIsRejected() => Assert.Throws<ArgumentException>(() => (AbsolutePath)"src");
}
