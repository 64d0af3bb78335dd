using Microsoft.Data.Sqlite;
using SampleService.Tests.Support;

namespace SampleService.Tests;

public sealed class SchemaMigratorTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly SqliteConnection _connection;

    public SchemaMigratorTests()
    {
        // No pooling, so the temp file is really closed when the test ends.
        _connection = new SqliteConnection($"Data Source={_directory.File("readings.db")};Pooling=False");
        _connection.Open();
    }

    [Fact]
    public async Task ANewDatabaseIsMigratedToTheLatestVersion()
    {
        Assert.Equal(0, await SchemaMigrator.GetVersionAsync(_connection));

        var version = await SchemaMigrator.MigrateAsync(_connection);

        Assert.Equal(SchemaMigrator.LatestVersion, version);
        Assert.Equal(SchemaMigrator.LatestVersion, await SchemaMigrator.GetVersionAsync(_connection));
    }

    [Fact]
    public async Task MigratingTwiceRecordsEachVersionOnceAndKeepsTheData()
    {
        // Given
        await SchemaMigrator.MigrateAsync(_connection);
        await ExecuteAsync("INSERT INTO readings (sensor, value, at) VALUES ('s1', 1.5, '2025-01-01T00:00:00Z');");

        // When
        var version = await SchemaMigrator.MigrateAsync(_connection);

        // Then
        Assert.Equal(SchemaMigrator.LatestVersion, version);
        Assert.Equal((long)SchemaMigrator.LatestVersion, await ScalarAsync("SELECT COUNT(*) FROM schema_version;"));
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM readings;"));
    }

    [Fact]
    public async Task MigrationSwitchesTheDatabaseToWriteAheadLogging()
    {
        await SchemaMigrator.MigrateAsync(_connection);

        Assert.Equal("wal", await ScalarAsync("PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task ASchemaNewerThanTheBuildIsLeftAsItIs()
    {
        // Given a database migrated by a later build, as after a rollback
        await SchemaMigrator.MigrateAsync(_connection);
        var newer = SchemaMigrator.LatestVersion + 1;
        await ExecuteAsync($"INSERT INTO schema_version (version, applied_at) VALUES ({newer}, '2025-01-01T00:00:00Z');");

        // When
        var version = await SchemaMigrator.MigrateAsync(_connection);

        // Then
        Assert.Equal(newer, version);
        Assert.Equal((long)newer, await ScalarAsync("SELECT COUNT(*) FROM schema_version;"));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public void Dispose()
    {
        _connection.Dispose();
        _directory.Dispose();
    }
}
