using Slipway.Backup.Restic;

namespace Slipway.Backup.Tests.Unit;

public sealed class ResticProgressTests
{
    [Fact]
    public void AStatusLineGivesBytesAndFilesDone()
    {
        var status = ResticProgress.Parse("""{"message_type":"status","percent_done":0.5,"total_files":1,"files_done":0,"total_bytes":200,"bytes_done":100,"current_files":["/prod.tar"]}""");

        Assert.Equal(new ResticStatus(0.5, 100, 200, 0, 1), status);
    }

    [Fact]
    public void TheSummaryLineGivesFilesDataAddedDurationAndSnapshot()
    {
        var summary = ResticProgress.Parse("""{"message_type":"summary","files_new":1,"files_changed":0,"files_unmodified":0,"dirs_new":0,"data_blobs":5,"tree_blobs":1,"data_added":3000557,"total_files_processed":1,"total_bytes_processed":3000000,"total_duration":0.25,"snapshot_id":"9dd5db50"}""");

        var s = Assert.IsType<ResticSummary>(summary);
        Assert.Equal((1L, 0L, 3000557L, 3000000L, "9dd5db50"), (s.FilesNew, s.FilesChanged, s.DataAdded, s.TotalBytesProcessed, s.SnapshotId));
        Assert.Equal(TimeSpan.FromMilliseconds(250), s.Duration);
    }

    [Fact]
    public void AnErrorLineGivesItsMessageAndItem()
    {
        var error = ResticProgress.Parse("""{"message_type":"error","error":{"message":"read failed"},"during":"archival","item":"/prod.tar"}""");

        Assert.Equal(new ResticError("read failed", "/prod.tar"), error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("created restic repository 0f5bb9eddc at /tmp/repo")]
    [InlineData("{not json")]
    [InlineData("""{"message_type":"verbose_status","action":"new"}""")]
    public void OtherLinesAreNoMessage(string line) => Assert.Null(ResticProgress.Parse(line));
}
