using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SampleService;

/// <summary>Brings a readings database up to the schema this build expects, idempotently.</summary>
internal static class SchemaMigrator
{
    // Append only, never edit a shipped step: a rolled-back build must still run on a newer schema,
    // so every step has to be additive.
    private static readonly string[] Steps =
    [
        """
        CREATE TABLE readings (
            id     INTEGER PRIMARY KEY AUTOINCREMENT,
            sensor TEXT    NOT NULL,
            value  REAL    NOT NULL,
            at     TEXT    NOT NULL
        );
        CREATE INDEX ix_readings_sensor ON readings (sensor, id);
        """,
    ];

    public static int LatestVersion => Steps.Length;

    /// <summary>Applies the missing steps and returns the schema version the database is at afterwards.</summary>
    public static async Task<int> MigrateAsync(SqliteConnection connection, CancellationToken ct = default)
    {
        // WAL is persistent in the file and lets a second process read while the first writes.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", ct);
        await ExecuteAsync(connection, null, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version    INTEGER PRIMARY KEY,
                applied_at TEXT    NOT NULL
            );
            """, ct);

        // BEGIN IMMEDIATE: two processes starting on the same file take turns instead of both migrating.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var current = await GetVersionAsync(connection, transaction, ct);
        for (var version = current + 1; version <= LatestVersion; version++)
            await ApplyAsync(connection, transaction, version, ct);
        await transaction.CommitAsync(ct);
        return Math.Max(current, LatestVersion);
    }

    /// <summary>Returns the highest applied version, 0 for a database that was never migrated.</summary>
    public static async Task<int> GetVersionAsync(
        SqliteConnection connection, SqliteTransaction? transaction = null, CancellationToken ct = default)
    {
        // Two statements: SQLite rejects a query naming a missing table even in a branch it would skip.
        var hasTable = await ScalarAsync(connection, transaction,
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version';", ct);
        return hasTable == 0
            ? 0
            : await ScalarAsync(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version;", ct);
    }

    private static async Task ApplyAsync(
        SqliteConnection connection, SqliteTransaction transaction, int version, CancellationToken ct)
    {
        await ExecuteAsync(connection, transaction, Steps[version - 1], ct);
        await using var record = connection.CreateCommand();
        record.Transaction = transaction;
        record.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES ($version, $appliedAt);";
        record.Parameters.AddWithValue("$version", version);
        record.Parameters.AddWithValue("$appliedAt", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        await record.ExecuteNonQueryAsync(ct);
    }

    private static async Task ExecuteAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<int> ScalarAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }
}
