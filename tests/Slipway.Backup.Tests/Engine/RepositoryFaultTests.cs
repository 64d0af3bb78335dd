using Slipway.Backup.Restic;
using Slipway.Backup.Tests.Support;

namespace Slipway.Backup.Tests.Engine;

public sealed class RepositoryFaultTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task AWrongPasswordFailsInOneLineBeforeTheServiceIsPaused()
    {
        await using var repository = await TestRepository.CreateAsync();
        await using var volume = await TestVolume.CreateAsync(engine.Docker, "echo x > /data/x");
        var service = await volume.StartServiceAsync();
        var wrong = new ResticRepository(repository.Repository.Settings with { Password = Some.Password() });

        var e = await Assert.ThrowsAsync<BackupException>(() =>
            new BackupRunner(engine.Docker, wrong, EngineFixture.HelperImage).RunAsync(Backups.Request(Some.Environment(), volume)));

        Assert.Equal(BackupFailure.WrongPassword, e.Reason);
        Assert.Equal($"wrong password for the restic repository {repository.Location}; pass its password with --backup-password (or backup_password in the secrets file)", e.Message);
        Assert.False((await volume.StateAsync(service)).Paused);
        Assert.Empty(await Backups.HelpersAsync(engine.Docker, volume));
    }

    [Fact]
    public async Task AMissingRepositoryOffersInitAndNothingIsCreatedThere()
    {
        await using var missing = TestRepository.Uninitialised();
        await using var volume = await TestVolume.CreateAsync(engine.Docker);

        var e = await Assert.ThrowsAsync<BackupException>(() => Backups.Runner(engine, missing).RunAsync(Backups.Request(Some.Environment(), volume)));

        Assert.Equal(BackupFailure.RepositoryMissing, e.Reason);
        Assert.Equal($"no restic repository at {missing.Location}; create it there with --init, or point --backup-repository at the existing one", e.Message);
        Assert.False(Directory.Exists(missing.Location));
        Assert.False(await missing.Repository.ExistsAsync());
    }

    [Fact]
    public async Task InitCreatesTheRepositoryOnlyWhenAsked()
    {
        await using var repository = TestRepository.Uninitialised();

        await repository.Repository.InitAsync();

        Assert.True(await repository.Repository.ExistsAsync());
        Assert.Equal(BackupFailure.Other, (await Assert.ThrowsAsync<BackupException>(() => repository.Repository.InitAsync())).Reason);
    }

    [Fact]
    public async Task RestoringASnapshotThatDoesNotExistNamesTheLatestOnes()
    {
        await using var repository = await TestRepository.CreateAsync();
        var environment = Some.Environment();
        await Backups.TinyAsync(repository, environment, BackupKind.Daily, DateTimeOffset.UtcNow);
        var existing = Assert.Single(await repository.Repository.SnapshotsAsync([]));

        var e = await Assert.ThrowsAsync<BackupException>(() =>
            Backups.Restorer(engine, repository).PlanAsync(new RestoreRequest(environment, "deadbeef", "/tmp")));

        Assert.Equal(BackupFailure.SnapshotNotFound, e.Reason);
        Assert.StartsWith($"no snapshot 'deadbeef' of {environment} in {repository.Location}; the latest are: {existing.ShortId} (", e.Message);
    }

    [Fact]
    public async Task ASnapshotOfAnotherEnvironmentIsNotRestored()
    {
        await using var repository = await TestRepository.CreateAsync();
        await Backups.TinyAsync(repository, "other", BackupKind.Daily, DateTimeOffset.UtcNow);
        var others = Assert.Single(await repository.Repository.SnapshotsAsync([]));

        var e = await Assert.ThrowsAsync<BackupException>(() =>
            Backups.Restorer(engine, repository).PlanAsync(new RestoreRequest(Some.Environment(), others.ShortId, "/tmp")));

        Assert.Equal(BackupFailure.SnapshotNotFound, e.Reason);
    }
}
