using Serilog;

namespace Slipway.Backup.Restic;

/// <summary>A restic repository driven through the restic CLI: init, snapshots, dump, restore, check, forget and unlock; backups are in the .Backup partial.</summary>
public sealed partial class ResticRepository
{
    public const string Latest = "latest";
    readonly ResticProcess _restic;

    public ResticRepository(ResticSettings settings)
    {
        if (string.IsNullOrEmpty(settings.Password.Reveal()))
            throw new BackupException($"no password for the restic repository {settings.DisplayName}; set --backup-password (or backup_password in the secrets file)",
                BackupFailure.WrongPassword);
        _restic = new ResticProcess(settings);
    }

    public ResticSettings Settings => _restic.Settings;
    internal ResticProcess Cli => _restic;

    /// <summary>Creates the repository; only ever called on request (--init), so a mistyped location is never filled silently.</summary>
    public async Task InitAsync(CancellationToken ct = default)
    {
        await _restic.RunAsync(["init"], ct);
        Log.Information("Created the restic repository {Repository}", Settings.DisplayName);
    }

    /// <summary>Opens the repository with the password; a missing one fails with the line that offers --init.</summary>
    public Task EnsureAccessibleAsync(CancellationToken ct = default) => _restic.RunAsync(["cat", "config", "--no-lock"], ct);

    public async Task<bool> ExistsAsync(CancellationToken ct = default)
    {
        try { await EnsureAccessibleAsync(ct); return true; }
        catch (BackupException e) when (e.Reason == BackupFailure.RepositoryMissing) { return false; }
    }

    /// <summary>Snapshots carrying every given tag, oldest first; read without a lock, so a full disk or a stale lock cannot hide them.</summary>
    public async Task<IReadOnlyList<ResticSnapshot>> SnapshotsAsync(IReadOnlyList<string> tags, CancellationToken ct = default) =>
        ResticSnapshot.ParseList(await _restic.RunAsync(
            ["snapshots", "--json", "--no-lock", .. tags.Count == 0 ? [] : new[] { "--tag", string.Join(',', tags) }], ct));

    /// <summary>The environment's snapshot (any environment's when null) by id prefix or "latest"; an unknown id fails with the valid ones listed.</summary>
    public async Task<ResticSnapshot> FindSnapshotAsync(string? environment, string idOrLatest, CancellationToken ct = default)
    {
        var snapshots = await SnapshotsAsync(environment is null ? [] : [SnapshotTags.Environment(environment)], ct);
        var of = environment ?? "any environment";
        if (snapshots.Count == 0)
            throw new BackupException($"the restic repository {Settings.DisplayName} holds no snapshot of {of}; take one with ./build.sh Backup --env {environment ?? "<env>"}",
                BackupFailure.SnapshotNotFound);
        if (idOrLatest == Latest) return snapshots[^1];
        var matches = snapshots.Where(s => s.Id.StartsWith(idOrLatest, StringComparison.Ordinal)).ToList();
        if (matches.Count == 1 && idOrLatest.Length > 0) return matches[0];
        var known = string.Join(", ", snapshots.TakeLast(5).Reverse().Select(s => $"{s.ShortId} ({s.Time.ToUniversalTime():yyyy-MM-dd HH:mm}Z {s.Environment} {s.Kind})"));
        var problem = matches.Count > 1 ? $"'{idOrLatest}' matches {matches.Count} snapshots of {of}" : $"no snapshot '{idOrLatest}' of {of}";
        throw new BackupException($"{problem} in {Settings.DisplayName}; the latest are: {known} (all: ./build.sh Backups --env {environment ?? "<env>"})",
            BackupFailure.SnapshotNotFound);
    }

    /// <summary>Streams the snapshot's single file (the backup tar) to <paramref name="consumer"/>.</summary>
    public Task DumpAsync(ResticSnapshot snapshot, Func<Stream, CancellationToken, Task> consumer, CancellationToken ct = default) =>
        _restic.RunStreamAsync(["dump", snapshot.Id, snapshot.FilePath], consumer, ct);

    /// <summary>Restores the snapshot into a folder (it holds &lt;env&gt;.tar afterwards), as a person would with restic restore.</summary>
    public Task RestoreAsync(ResticSnapshot snapshot, string targetDirectory, CancellationToken ct = default) =>
        _restic.RunAsync(["restore", snapshot.Id, "--target", targetDirectory], ct);

    /// <summary>restic check, reading the given share of the data too (e.g. "5%"); its errors become one line.</summary>
    public async Task CheckAsync(string? readDataSubset, CancellationToken ct = default)
    {
        try
        {
            await _restic.RunAsync(["check", .. readDataSubset is { Length: > 0 } ? new[] { "--read-data-subset", readDataSubset } : []], ct);
        }
        catch (BackupException e) when (e.Reason == BackupFailure.Other)
        {
            throw new BackupException($"restic check found the repository {Settings.DisplayName} damaged ({e.Message}); " +
                "run `restic check --read-data` for the full report and restore from an intact copy", BackupFailure.DataMismatch, e);
        }
    }

    public async Task ForgetAsync(IReadOnlyList<string> snapshotIds, bool prune, CancellationToken ct = default)
    {
        if (snapshotIds.Count == 0) return;
        await _restic.RunAsync(["forget", .. snapshotIds, .. prune ? new[] { "--prune" } : []], ct);
    }

    /// <summary>Removes stale locks (restic's own rule: older than 30 minutes, or on this host with the process gone); all locks when forced.</summary>
    public Task UnlockAsync(bool removeAll, CancellationToken ct = default) =>
        _restic.RunAsync(["unlock", .. removeAll ? new[] { "--remove-all" } : []], ct);
}
