using Slipway.Compose.Tests.Support;

namespace Slipway.Compose.Tests;

public sealed class ProjectNameTests
{
    private const string Services = "services:\n  web:\n    image: nginx\n";

    [Fact]
    public void TheNameKeyWinsAndIsLowercased()
    {
        var project = new ComposeLoader().Load([new ComposeSource("compose/app.yml", "name: Shop_Prod-2\n" + Services)], Inline.NoVariables, "ignored");

        Assert.Equal("shop_prod-2", project.Name);
    }

    [Fact]
    public void TheCallersNameIsUsedWithoutANameKey()
    {
        var project = new ComposeLoader().Load([new ComposeSource("compose/app.yml", Services)], Inline.NoVariables, "Shop");

        Assert.Equal("shop", project.Name);
    }

    [Fact]
    public void WithoutEitherTheFirstFilesDirectoryIsCleanedUp()
    {
        var project = new ComposeLoader().Load([new ComposeSource("work/_My Shop.v2/compose.yml", Services)], Inline.NoVariables);

        Assert.Equal("myshopv2", project.Name);
    }

    [Theory]
    [InlineData("my shop")]
    [InlineData("-shop")]
    [InlineData("shop.prod")]
    public void AnInvalidNameKeyIsRefusedNamingIt(string name)
    {
        var error = Inline.Refuse($"name: \"{name}\"\n" + Services);

        Assert.Equal($"compose/app.yml:1:7 name: invalid project name '{name}' (use only a-z, 0-9, '_' and '-', starting with a letter or digit)", error.Message);
    }

    [Fact]
    public void AnInvalidCallerNameIsRefusedNamingIt()
    {
        var error = Assert.Throws<ComposeFileException>(() =>
            new ComposeLoader().Load([new ComposeSource("compose/app.yml", Services)], Inline.NoVariables, "My Shop!"));

        Assert.Equal("compose/app.yml: invalid project name 'My Shop!' given to the loader (use only a-z, 0-9, '_' and '-', starting with a letter or digit)", error.Message);
    }

    [Fact]
    public void TheNameKeyIsInterpolated()
    {
        var project = Inline.Load("name: shop-${STAGE}\n" + Services, Inline.Variables(("STAGE", "prod")));

        Assert.Equal("shop-prod", project.Name);
    }
}
