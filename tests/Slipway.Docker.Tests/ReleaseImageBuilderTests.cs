using Slipway.Docker;
using Slipway.Tooling;

namespace Slipway.Docker.Tests;

public sealed class ReleaseImageBuilderTests
{
    static ReleaseImageSettings Settings(string branch, bool dirty) => new("app", "Dockerfile", ".", "base:1", "1.4.7",
        new GitInfo("0123456789abcdef0123456789abcdef01234567", branch, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), 7, dirty))
    {
        SourceUrl = "https://forge.example/team/app",
    };

    [Fact]
    public void MainGetsCommitVersionBranchAndLatestTags() =>
        Assert.Equal(["0123456789ab", "1.4.7", "main", "latest"], ReleaseImageBuilder.TagsFor(Settings("main", dirty: false)));

    [Fact]
    public void AFeatureBranchGetsNoLatestTagAndAFoldedBranchTag() =>
        Assert.Equal(["0123456789ab", "1.4.7", "feature-x"], ReleaseImageBuilder.TagsFor(Settings("feature/x", dirty: false)));

    [Fact]
    public void ADirtyTreeNeverGetsThePlainCommitTagNorLatest() =>
        Assert.Equal(["0123456789ab-dirty", "1.4.7", "main"], ReleaseImageBuilder.TagsFor(Settings("main", dirty: true)));

    [Fact]
    public void OciLabelsNameRevisionVersionSourceAndTheCommitTimeAsCreated()
    {
        var labels = ReleaseImageBuilder.LabelsFor(Settings("main", dirty: false));

        Assert.Equal("0123456789abcdef0123456789abcdef01234567", labels["org.opencontainers.image.revision"]);
        Assert.Equal("1.4.7", labels["org.opencontainers.image.version"]);
        Assert.Equal("2023-11-14T22:13:20Z", labels["org.opencontainers.image.created"]);
        Assert.Equal("https://forge.example/team/app", labels["org.opencontainers.image.source"]);
    }
}
