using Slipway.Backup.Archive;

namespace Slipway.Backup.Tests.Unit;

public sealed class RollbackDataTests
{
    static readonly ManifestDiff Unchanged = new([], [], [], 3);
    static readonly ManifestDiff Migrated = new([], ["volumes/db/schema"], [], 2);

    [Theory]
    [InlineData(RollbackDataMode.Offer, true, RollbackDataAction.AskThenRestore)]
    [InlineData(RollbackDataMode.Offer, false, RollbackDataAction.KeepChangedData)]
    [InlineData(RollbackDataMode.Restore, false, RollbackDataAction.Restore)]
    [InlineData(RollbackDataMode.Keep, true, RollbackDataAction.KeepChangedData)]
    public void ChangedDataIsRestoredOnlyWhenAskedOrConfigured(RollbackDataMode mode, bool canAsk, RollbackDataAction expected) =>
        Assert.Equal(expected, RollbackData.Decide(Migrated, mode, canAsk));

    [Fact]
    public void UnchangedDataIsNeverRestored() =>
        Assert.Equal(RollbackDataAction.NothingChanged, RollbackData.Decide(Unchanged, RollbackDataMode.Restore, true));

    [Fact]
    public void KeepingChangedDataSaysHowToRestoreIt() =>
        Assert.Contains("./build.sh Restore --env prod --snapshot 1a2b3c4d",
            RollbackData.Explain(RollbackDataAction.KeepChangedData, Migrated, "1a2b3c4d", "prod"));
}
