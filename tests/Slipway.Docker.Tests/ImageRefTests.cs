using Slipway.Docker;

namespace Slipway.Docker.Tests;

public sealed class ImageRefTests
{
    [Theory]
    [InlineData("app", null, "app", null, null)]
    [InlineData("app:1.2", null, "app", "1.2", null)]
    [InlineData("127.0.0.1:5000/app:1.2", "127.0.0.1:5000", "app", "1.2", null)]
    [InlineData("localhost/team/app", "localhost", "team/app", null, null)]
    [InlineData("registry.example.org/team/app@sha256:abc", "registry.example.org", "team/app", null, "sha256:abc")]
    [InlineData("team/app:v1", null, "team/app", "v1", null)]
    public void AReferenceSplitsIntoRegistryRepositoryTagAndDigest(string text, string? registry, string repository, string? tag, string? digest)
    {
        var image = ImageRef.Parse(text);

        Assert.Equal(new ImageRef(registry, repository, tag, digest), image);
        Assert.Equal(text, image.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("Upper/Case")]
    [InlineData("has space")]
    public void AnInvalidReferenceIsRefusedWithItsText(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => ImageRef.Parse(text));

        Assert.Contains(text.Split('/')[0], error.Message);
    }

    [Theory]
    [InlineData("feature/login", "feature-login")]
    [InlineData("-weird.", "weird.")]
    [InlineData("main", "main")]
    public void BranchNamesAreFoldedIntoValidTags(string branch, string tag) =>
        Assert.Equal(tag, ImageRef.SanitizeTag(branch));

    [Fact]
    public void ADigestReplacesTheTag()
    {
        var image = ImageRef.Parse("127.0.0.1:5000/app:1.0").WithDigest("sha256:1234");

        Assert.Equal("127.0.0.1:5000/app@sha256:1234", image.ToString());
    }
}
