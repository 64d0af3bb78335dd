using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SampleService;

/// <summary>Stores readings in a SQLite file, one pooled connection per operation.</summary>
internal sealed class ReadingsStore : IDisposable
{
    private readonly string _connectionString;
    private readonly TimeProvider _clock;
    private readonly ILogger<ReadingsStore> _logger;

    public ReadingsStore(string databasePath, TimeProvider clock, ILogger<ReadingsStore> logger)
    {
        DatabasePath = databasePath;
        _clock = clock;
        _logger = logger;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
    }

    public string DatabasePath { get; }

    /// <summary>Creates the directory and file if needed and returns the schema version after migrating.</summary>
    public async Task<int> MigrateAsync(CancellationToken ct = default)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(DatabasePath));
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
        await using var connection = await OpenAsync(ct);
        return await SchemaMigrator.MigrateAsync(connection, ct);
    }

    public async Task<int> GetSchemaVersionAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        return await SchemaMigrator.GetVersionAsync(connection, ct: ct);
    }

    public async Task<Reading> AddAsync(string sensor, double value, CancellationToken ct = default)
    {
        var at = _clock.GetUtcNow().UtcDateTime;
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO readings (sensor, value, at) VALUES ($sensor, $value, $at) RETURNING id;";
        command.Parameters.AddWithValue("$sensor", sensor);
        command.Parameters.AddWithValue("$value", value);
        command.Parameters.AddWithValue("$at", at.ToString("O", CultureInfo.InvariantCulture));
        var id = Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        return new Reading(id, sensor, value, at);
    }

    /// <summary>Returns the readings newest first, only those of <paramref name="sensor"/> when given.</summary>
    public async Task<IReadOnlyList<Reading>> ListAsync(string? sensor = null, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sensor is null
            ? "SELECT id, sensor, value, at FROM readings ORDER BY id DESC;"
            : "SELECT id, sensor, value, at FROM readings WHERE sensor = $sensor ORDER BY id DESC;";
        if (sensor is not null)
            command.Parameters.AddWithValue("$sensor", sensor);
        return await ReadAllAsync(command, ct);
    }

    public async Task<Reading?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, sensor, value, at FROM readings WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        var found = await ReadAllAsync(command, ct);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>Deletes the reading and returns whether it existed.</summary>
    public async Task<bool> DeleteAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM readings WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        var deleted = await command.ExecuteNonQueryAsync(ct) > 0;
        if (deleted)
            ServiceLog.ReadingDeleted(_logger, id);
        return deleted;
    }

    // Closing the pooled connections lets SQLite checkpoint the WAL into the main file on shutdown.
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    private static async Task<IReadOnlyList<Reading>> ReadAllAsync(SqliteCommand command, CancellationToken ct)
    {
        var readings = new List<Reading>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var at = DateTime.Parse(reader.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            readings.Add(new Reading(reader.GetInt64(0), reader.GetString(1), reader.GetDouble(2), at));
        }
        return readings;
    }
}
