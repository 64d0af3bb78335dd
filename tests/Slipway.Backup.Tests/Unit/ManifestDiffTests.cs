using Slipway.Backup.Archive;

namespace Slipway.Backup.Tests.Unit;

public sealed class ManifestDiffTests
{
    static ManifestFile F(string path, string sha, long size = 1) => new(path, size, sha);

    [Fact]
    public void AddedChangedRemovedAndUnchangedFilesAreTold()
    {
        var diff = ManifestDiff.Compare([F("a", "1"), F("b", "2"), F("c", "3")], [F("a", "1"), F("b", "9"), F("d", "4")]);

        Assert.Equal(["d"], diff.Added);
        Assert.Equal(["b"], diff.Changed);
        Assert.Equal(["c"], diff.Removed);
        Assert.Equal(1, diff.Unchanged);
        Assert.Equal("1 new, 1 changed, 1 removed, 1 unchanged (d, b, c)", diff.Describe());
    }

    [Fact]
    public void ASizeChangeAloneIsAChange() =>
        Assert.Equal(["a"], ManifestDiff.Compare([F("a", "1", 1)], [F("a", "1", 2)]).Changed);

    [Fact]
    public void IdenticalListsAreEmpty() =>
        Assert.True(ManifestDiff.Compare([F("a", "1")], [F("a", "1")]).IsEmpty);
}
