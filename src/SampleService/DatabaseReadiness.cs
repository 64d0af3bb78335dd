using Microsoft.Data.Sqlite;

namespace SampleService;

/// <summary>Decides whether the database is open and migrated, migrating it until that succeeds.</summary>
internal sealed class DatabaseReadiness(ReadingsStore store, ILogger<DatabaseReadiness> logger)
{
    private volatile bool _isMigrated;

    /// <summary>Returns null when ready, otherwise the reason the service cannot serve readings.</summary>
    public async Task<string?> CheckAsync(CancellationToken ct = default)
    {
        try
        {
            return _isMigrated ? await ProbeAsync(ct) : await MigrateAsync(ct);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            var reason = $"database {store.DatabasePath} unavailable: {e.Message}";
            ServiceLog.DatabaseUnavailable(logger, store.DatabasePath, e.Message);
            return reason;
        }
    }

    private async Task<string?> MigrateAsync(CancellationToken ct)
    {
        var version = await store.MigrateAsync(ct);
        if (version > SchemaMigrator.LatestVersion)
            ServiceLog.SchemaNewerThanBuild(logger, version, SchemaMigrator.LatestVersion);
        ServiceLog.DatabaseReady(logger, store.DatabasePath, version);
        _isMigrated = true;
        return null;
    }

    private async Task<string?> ProbeAsync(CancellationToken ct)
    {
        // A newer schema is fine: migrations are additive, so a rolled-back build still works on it.
        var version = await store.GetSchemaVersionAsync(ct);
        return version >= SchemaMigrator.LatestVersion
            ? null
            : $"database {store.DatabasePath} is at schema version {version}, this build needs {SchemaMigrator.LatestVersion}";
    }
}
