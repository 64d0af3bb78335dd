namespace SampleService;

/// <summary>The service's recurring log messages, declared once.</summary>
internal static partial class ServiceLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Starting SampleService {Version} at commit {Commit}")]
    public static partial void Starting(ILogger logger, string version, string commit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {DatabasePath} ready at schema version {SchemaVersion}")]
    public static partial void DatabaseReady(ILogger logger, string databasePath, int schemaVersion);

    [LoggerMessage(Level = LogLevel.Error, Message = "Database {DatabasePath} unavailable: {Reason}")]
    public static partial void DatabaseUnavailable(ILogger logger, string databasePath, string reason);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Database schema version {SchemaVersion} is newer than this build's {LatestVersion}; leaving it as it is")]
    public static partial void SchemaNewerThanBuild(ILogger logger, int schemaVersion, int latestVersion);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted reading {ReadingId}")]
    public static partial void ReadingDeleted(ILogger logger, long readingId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused to delete reading {ReadingId}: {Reason}")]
    public static partial void DeleteRefused(ILogger logger, long readingId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {Path} answered {StatusCode} in {ElapsedMs:0.0} ms")]
    public static partial void RequestHandled(ILogger logger, string method, string path, int statusCode, double elapsedMs);
}
