using Slipway.Backup.Restic;
using Slipway.Secrets;

namespace Slipway.Backup.Tests.Unit;

public sealed class ResticSettingsTests
{
    [Theory]
    [InlineData("rest:https://backup:s3cret@host:8000/prod", "rest:https://backup:***@host:8000/prod")]
    [InlineData("/srv/backups", "/srv/backups")]
    [InlineData("sftp:user@host:/srv/restic", "sftp:user@host:/srv/restic")]
    public void TheDisplayNameHidesAPasswordInTheUrl(string repository, string shown) =>
        Assert.Equal(shown, new ResticSettings(repository, new SecretValue("pw")).DisplayName);

    [Fact]
    public void ThePasswordNeverPrints()
    {
        var settings = new ResticSettings("/srv/backups", new SecretValue("hunter2"));

        Assert.DoesNotContain("hunter2", settings.ToString());
        Assert.DoesNotContain("hunter2", string.Join(" ", ResticRepository.BackupArguments(new ResticBackup("prod.tar", ["env=prod", "run=1"]))));
    }

    [Theory]
    [InlineData("/srv/backups", true)]
    [InlineData("local:/srv/backups", true)]
    [InlineData("../backups", true)]
    [InlineData("sftp:host:/srv", false)]
    [InlineData("s3:s3.amazonaws.com/bucket", false)]
    [InlineData("rest:http://host:8000/", false)]
    public void OnlyLocalRepositoriesGoWithoutCache(string repository, bool isLocal) =>
        Assert.Equal(isLocal, new ResticSettings(repository, new SecretValue("pw")).IsLocal);
}
