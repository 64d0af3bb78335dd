using Slipway.Backup;
using Slipway.Backup.Archive;
using Slipway.Backup.Restic;
using Slipway.Backup.Schedule;
using Slipway.Deploy;
using Slipway.Docker;
using Slipway.Engine;
using Slipway.Secrets;

partial class Build
{
    [Parameter("Backup: daily, weekly or monthly (retention keeps each kind by its own count)")]
    readonly string Kind = "daily";

    [Parameter("restic repository: a folder or any restic URL (sftp:, rest:, s3:...); default: backups/ in the state folder")]
    readonly string? BackupRepository;

    [Parameter("restic repository password (default: backup_password from the secrets file; the default local repository generates one)"), Secret]
    readonly string? BackupPassword;

    [Parameter("Create the repository given by --backup-repository when it does not exist yet (the default local one always is)")]
    readonly bool Init;

    [Parameter("Remove the repository's restic locks even if they look live (only when their run is surely gone)")]
    readonly bool ForceUnlock;

    [Parameter("Extra files or folders to back up with the environment (models, say), relative to the checkout")]
    readonly string[] BackupPaths = [];

    [Parameter("Log folders to back up: only their files written in the last --log-days days")]
    readonly string[] BackupLogs = [];

    [Parameter("How many days of logs --backup-logs takes")] readonly int LogDays = 7;
    [Parameter("Retention: daily snapshots kept per environment")] readonly int KeepDaily = 7;
    [Parameter("Retention: weekly snapshots kept per environment")] readonly int KeepWeekly = 4;
    [Parameter("Retention: monthly snapshots kept per environment")] readonly int KeepMonthly = 3;

    [Parameter("VerifyBackup, Restore: a snapshot id (or its first characters) or latest")]
    readonly string Snapshot = "latest";

    [Parameter("VerifyBackup: share of the data restic check reads (5%, 1/10); default: the structure only")]
    readonly string? ReadDataSubset;

    [Parameter("BackupSchedule: install, status or uninstall")] readonly string ScheduleAction = "status";

    [Parameter("Environments that get a pre-deploy snapshot before each deploy")]
    readonly string[] SnapshotBefore = ["prod"];

    [Parameter("After an automatic rollback, if the failed release changed the data: offer (ask at a terminal; elsewhere keep it and say so), restore or keep")]
    readonly string DataOnRollback = "offer";

    Target Backups => _ => _
        .Description("List --env's snapshots, newest first: id, time, kind, release, commit")
        .Requires(() => EnvironmentIsValid(Env))
        .Executes(ListBackupsAsync);

    Target VerifyBackup => _ => _
        .Description("restic check (--read-data-subset 5%), then restore --snapshot to a scratch folder and match its MANIFEST checksums")
        .Executes(VerifyBackupAsync);

    Target BackupSchedule => _ => _
        .Description("Install, show or remove --env's daily, weekly and monthly backups in the crontab (--schedule-action)")
        .Requires(() => EnvironmentIsValid(Env))
        .Executes(ScheduleBackupsAsync);

    BackupResult? _preDeploySnapshot;

    bool TakesPreDeploySnapshot => TargetEnvironment is { } environment && SnapshotBefore.Contains(environment);
    string BackupPasswordFile => Path.Combine(StateDirectory, "backup-password");

    async Task<BackupResult> BackupAsync(string environment, BackupKind kind)
    {
        var repository = await OpenBackupRepositoryAsync();
        var releases = await ReleasesAsync();
        var running = await releases.RunningReleaseAsync(ProjectOf(environment), await releases.HistoryAsync(environment));
        var request = new BackupRequest(environment, kind, running?.Id ?? "none", running?.Commit ?? "none")
        {
            Volumes = VolumesOf(environment),
            Files = BackupFilesOf(environment),
            SkipMissingVolumes = kind == BackupKind.PreDeploy,
            Retention = new RetentionPolicy(KeepDaily, KeepWeekly, KeepMonthly),
        };
        var result = await new BackupRunner(await DockerAsync(), repository, BaseImageReference).RunAsync(request);
        await releases.RecordAsync(environment, "backup", $"{kind.Name()} snapshot {result.Snapshot.ShortId} of {request.Release}");
        return result;
    }

    /// <summary>Taken under the deploy's lock, so nothing deploys between the snapshot and the deploy it protects.</summary>
    async Task TakePreDeploySnapshotAsync()
    {
        await LockAsync(TargetEnvironment!, "deploy");
        _preDeploySnapshot = await BackupAsync(TargetEnvironment!, BackupKind.PreDeploy);
    }

    async Task ListBackupsAsync() => await BackupListing.ListAsync(await OpenBackupRepositoryAsync(), Env!);

    async Task VerifyBackupAsync() =>
        await new BackupVerifier(await OpenBackupRepositoryAsync()).VerifyAsync(new VerifyRequest(Env, Snapshot, TemporaryDirectory)
        {
            ReadDataSubset = ReadDataSubset,
        });

    /// <summary>Shows what will be replaced and asks, unless --force; stops the services, restores, starts them (SmokeTest follows).</summary>
    async Task RestoreAsync(string environment, string snapshot, bool confirmed)
    {
        await LockAsync(environment, "restore");
        var restorer = new RestoreRunner(await DockerAsync(), await OpenBackupRepositoryAsync(), BaseImageReference);
        var plan = await restorer.PlanAsync(new RestoreRequest(environment, snapshot, RootDirectory) { HealthTimeout = HealthTimeout });
        foreach (var line in plan.Describe()) Console.WriteLine($"  {line}");
        if (!confirmed && !Confirm($"Restore snapshot {plan.Snapshot.ShortId} into {environment}?", "pass --force to restore without asking"))
            throw new BackupException($"restore of {environment} cancelled; nothing was changed");
        await restorer.RestoreAsync(plan);
        await (await ReleasesAsync()).RecordAsync(environment, "restore", $"snapshot {plan.Snapshot.ShortId} ({plan.Snapshot.Kind}, release {plan.Manifest.Release})");
    }

    /// <summary>After an automatic rollback: the data the failed release changed is restored, kept or offered, and always said.</summary>
    async Task RestoreDataAfterRollbackAsync(string environment)
    {
        if (_preDeploySnapshot is not { } snapshot) return;
        var mode = Enum.TryParse<RollbackDataMode>(DataOnRollback, ignoreCase: true, out var parsed) ? parsed
            : throw new ArgumentException($"unknown --data-on-rollback '{DataOnRollback}'; use offer, restore or keep");
        var changes = await new DataChangeDetector(new VolumeArchive(await DockerAsync(), BaseImageReference)).CompareAsync(snapshot.Manifest);
        var action = RollbackData.Decide(changes, mode, CanAsk);
        var explanation = RollbackData.Explain(action, changes, snapshot.Snapshot.ShortId, environment);
        if (action == RollbackDataAction.KeepChangedData) Serilog.Log.Warning("{Explanation}", explanation);
        else Serilog.Log.Information("{Explanation}", explanation);
        await (await ReleasesAsync()).RecordAsync(environment, "rollback-data", explanation);
        if (action == RollbackDataAction.Restore || action == RollbackDataAction.AskThenRestore && Confirm("Restore it?", ""))
            await RestoreAsync(environment, snapshot.Snapshot.Id, confirmed: true);
    }

    async Task ScheduleBackupsAsync()
    {
        var schedule = new BackupSchedule(new ScheduleSettings(RootDirectory, Environments.Require(Env)));
        switch (ScheduleAction)
        {
            case "install": await schedule.InstallAsync(); break;
            case "uninstall": await schedule.UninstallAsync(); break;
            case "status":
                var status = await schedule.StatusAsync();
                Console.WriteLine(status.IsInstalled ? $"Backups of {Env} are scheduled:" : $"No backup schedule for {Env}; ./build.sh BackupSchedule --env {Env} --schedule-action install");
                foreach (var line in status.Lines) Console.WriteLine($"  {line}");
                foreach (var log in status.Logs.Where(l => l.LastWrite is not null)) Console.WriteLine($"  last {log.Kind.Name()} run {log.LastWrite:yyyy-MM-dd HH:mm}Z: {log.LastLine}");
                if (status.IsInstalled && !status.IsCronRunning) Console.WriteLine("  no cron daemon runs, so nothing fires; start it (service cron start)");
                break;
            default: throw new ArgumentException($"unknown --schedule-action '{ScheduleAction}'; use install, status or uninstall");
        }
    }

    /// <summary>The repository from --backup-repository, or a local one in the state folder, created on first use.</summary>
    async Task<ResticRepository> OpenBackupRepositoryAsync()
    {
        await EnsureBaseImageAsync();
        var isDefault = BackupRepository is not { Length: > 0 };
        var location = isDefault ? Path.Combine(StateDirectory, "backups") : BackupRepository!;
        var password = BackupPassword is { Length: > 0 } given ? given
            : isDefault ? await GeneratedPassword.ReadOrCreateAsync(BackupPasswordFile)
            : throw new ArgumentException($"no password for the backup repository {location}; set backup_password in {SecretsFile} or pass --backup-password");
        var repository = new ResticRepository(new ResticSettings(location, new SecretValue(password)));
        if ((isDefault || Init) && !await repository.ExistsAsync()) await repository.InitAsync();
        if (ForceUnlock) await new ResticLocks(repository).RemoveStaleAsync(force: true);
        return repository;
    }

    IReadOnlyList<string> VolumesOf(string environment) =>
        Deployer.LoadProject(DeployRequestFor(environment, ImageRef.Parse("validation/placeholder:0"), "", ""))
            .Volumes.Values.Where(v => !v.External).Select(v => v.Name).ToList();

    /// <summary>The environment's configuration, the secrets file (encrypted, as committed) and the extra paths.</summary>
    IReadOnlyList<BackupFile> BackupFilesOf(string environment)
    {
        var configuration = new[] { Environments.BaseFile, Environments.FileOf(environment), RootDirectory / ".nuke" / "parameters.json", RootDirectory / ".sops.yaml" }
            .Where(File.Exists).Select(path => BackupFiles.Config(RootDirectory, path));
        var secrets = File.Exists(SecretsPath) ? [BackupFiles.Secrets(RootDirectory, SecretsPath)] : Array.Empty<BackupFile>();
        var extra = BackupPaths.SelectMany(path => BackupFiles.Extra(RootDirectory, path));
        var logs = BackupLogs.SelectMany(path => BackupFiles.Extra(RootDirectory, path, TimeSpan.FromDays(LogDays)));
        return [.. configuration, .. secrets, .. extra, .. logs];
    }

    bool CanAsk => !IsServerBuild && !Console.IsInputRedirected;

    /// <summary>A yes from a person at a terminal; where there is none, a refusal that names <paramref name="instead"/>.</summary>
    bool Confirm(string question, string instead)
    {
        if (!CanAsk) throw new BackupException($"{question.TrimEnd('?')}: no terminal to ask at{(instead.Length > 0 ? $"; {instead}" : "")}");
        Console.Write($"{question} Type yes to go on: ");
        return string.Equals(Console.ReadLine()?.Trim(), "yes", StringComparison.OrdinalIgnoreCase);
    }
}
