using Slipway.Backup.Archive;
using Slipway.Backup.Tests.Support;

namespace Slipway.Backup.Tests.Unit;

public sealed class BackupFilesTests : IDisposable
{
    readonly TempDirectory _root = new();

    [Fact]
    public void ConfigurationKeepsItsPathUnderConfig()
    {
        var file = BackupFiles.Config(_root.Path, ".nuke/parameters.prod.json");

        Assert.Equal(("config/.nuke/parameters.prod.json", ".nuke/parameters.prod.json"), (file.ArchivePath, file.Source));
    }

    [Fact]
    public void TheSecretsFileGoesUnderSecrets() =>
        Assert.Equal("secrets/secrets.enc.yaml", BackupFiles.Secrets(_root.Path, "secrets.enc.yaml").ArchivePath);

    [Fact]
    public void AFolderOutsideTheCheckoutKeepsItsAbsolutePath()
    {
        using var outside = new TempDirectory();
        outside.File("models/m.bin", "x");

        var file = Assert.Single(BackupFiles.Extra(_root.Path, Path.Combine(outside.Path, "models")));

        Assert.Equal(Path.Combine(outside.Path, "models", "m.bin"), file.Source);
        Assert.Equal("extra" + Path.Combine(outside.Path, "models", "m.bin"), file.ArchivePath);
        Assert.Equal(file.SourcePath, BackupFiles.RestoreTarget(_root.Path, new ManifestFile(file.ArchivePath, 1, "") { Source = file.Source }));
    }

    [Fact]
    public void LogsOlderThanTheMaximumAgeAreLeftOut()
    {
        var old = _root.File("logs/old.log", "old");
        _root.File("logs/new.log", "new");
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddDays(-10));

        var files = BackupFiles.Extra(_root.Path, "logs", TimeSpan.FromDays(7));

        Assert.Equal(["extra/logs/new.log"], files.Select(f => f.ArchivePath));
    }

    [Fact]
    public void AMissingExtraPathIsAnError() =>
        Assert.Contains("does not exist", Assert.Throws<BackupException>(() => BackupFiles.Extra(_root.Path, "models")).Message);

    public void Dispose() => _root.Dispose();
}
