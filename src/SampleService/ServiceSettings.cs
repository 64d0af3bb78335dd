namespace SampleService;

/// <summary>The environment-driven settings of the service, checked once at start-up.</summary>
internal sealed record ServiceSettings(int Port, LogLevel LogLevel, string DatabasePath, string SecretsDirectory)
{
    public const string DefaultDatabasePath = "/data/readings.db";

    public static ServiceSettings Read(IConfiguration configuration) => new(
        ReadPort(configuration["PORT"]),
        ReadLogLevel(configuration["LOG_LEVEL"]),
        NullIfBlank(configuration["READINGS_DB"]) ?? DefaultDatabasePath,
        NullIfBlank(configuration["SECRETS_DIR"]) ?? SecretReader.DefaultDirectory);

    private static int ReadPort(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return 8080;
        if (int.TryParse(text, out var port) && port is > 0 and <= 65535)
            return port;
        throw new ServiceSettingsException($"PORT '{text}' is not a TCP port; set PORT to a number from 1 to 65535 or leave it unset for 8080");
    }

    private static LogLevel ReadLogLevel(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return LogLevel.Information;
        if (Enum.TryParse<LogLevel>(text, ignoreCase: true, out var level) && Enum.IsDefined(level))
            return level;
        throw new ServiceSettingsException($"LOG_LEVEL '{text}' is not a log level; set LOG_LEVEL to Debug, Information or Warning");
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

/// <summary>A setting from the environment that the service cannot start with.</summary>
internal sealed class ServiceSettingsException(string message) : Exception(message);
