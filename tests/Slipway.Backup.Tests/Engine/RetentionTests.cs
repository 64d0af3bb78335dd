using Slipway.Backup.Restic;
using Slipway.Backup.Tests.Support;

namespace Slipway.Backup.Tests.Engine;

public sealed class RetentionTests
{
    static readonly DateTimeOffset Today = new(DateTimeOffset.UtcNow.UtcDateTime.Date.AddHours(2), TimeSpan.Zero);

    [Fact]
    public async Task RetentionKeepsThePolicyAndTheNewestPreDeploySnapshotAndNeverTouchesAnotherEnvironment()
    {
        // Given a month of history for prod (two pre-deploy snapshots among them) and a few snapshots of staging
        await using var repository = await TestRepository.CreateAsync();
        var history = new (int DaysAgo, BackupKind Kind)[]
        {
            (20, BackupKind.PreDeploy), (15, BackupKind.Weekly), (10, BackupKind.Daily), (5, BackupKind.PreDeploy), (2, BackupKind.Daily), (1, BackupKind.Daily),
        };
        foreach (var (daysAgo, kind) in history) await Backups.TinyAsync(repository, "prod", kind, Today.AddDays(-daysAgo));
        foreach (var daysAgo in new[] { 10, 9 }) await Backups.TinyAsync(repository, "staging", BackupKind.Daily, Today.AddDays(-daysAgo));

        // When prod's retention keeps 2 daily, 1 weekly and 1 monthly
        var forgotten = await new RetentionPolicy(KeepDaily: 2, KeepWeekly: 1, KeepMonthly: 1).ApplyAsync(repository.Repository, "prod", prune: true);

        // Then the two newest days stay, plus the newest pre-deploy snapshot (which the policy alone would drop); staging is untouched
        var prod = await repository.Repository.SnapshotsAsync([SnapshotTags.Environment("prod")]);
        Assert.Equal([(5, "pre-deploy"), (2, "daily"), (1, "daily")], prod.Select(s => ((Today - s.Time).Days, s.Kind!)));
        Assert.Equal(3, forgotten.Count);
        Assert.Equal(2, (await repository.Repository.SnapshotsAsync([SnapshotTags.Environment("staging")])).Count);
        Assert.True((await repository.ResticAsync("check")).Succeeded);
    }
}
