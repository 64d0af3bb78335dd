namespace SampleService.Tests;

public sealed class VersionInfoTests
{
    private static readonly DateTime Started = new(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    [Fact]
    public void AnInformationalVersionWithMetadataSplitsIntoVersionAndCommit()
    {
        var info = VersionInfo.Parse("1.2.3+0123456789abcdef0123456789abcdef01234567", Started);

        Assert.Equal("1.2.3", info.Version);
        Assert.Equal("0123456789abcdef0123456789abcdef01234567", info.Commit);
        Assert.Equal(Started, info.Started);
    }

    [Fact]
    public void APrereleaseVersionKeepsItsSuffix()
    {
        var info = VersionInfo.Parse("2.0.0-rc.1+abc1234", Started);

        Assert.Equal("2.0.0-rc.1", info.Version);
        Assert.Equal("abc1234", info.Commit);
    }

    [Fact]
    public void AVersionWithoutMetadataHasAnUnknownCommit()
    {
        var info = VersionInfo.Parse("1.2.3", Started);

        Assert.Equal("1.2.3", info.Version);
        Assert.Equal(VersionInfo.UnknownCommit, info.Commit);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("+")]
    public void AMissingInformationalVersionFallsBackToTheLocalDefaults(string? informationalVersion)
    {
        var info = VersionInfo.Parse(informationalVersion, Started);

        Assert.Equal("0.0.0-local", info.Version);
        Assert.Equal("unknown", info.Commit);
    }

    [Fact]
    public void AnUnversionedBuildReportsTheLocalVersion()
    {
        // The test run builds the service without -p:Version or -p:SourceRevisionId.
        var info = VersionInfo.FromAssembly(typeof(VersionInfo).Assembly, Started);

        Assert.Equal("0.0.0-local", info.Version);
        Assert.Equal("unknown", info.Commit);
    }
}
