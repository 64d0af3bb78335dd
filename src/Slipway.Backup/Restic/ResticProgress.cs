using System.Text.Json;

namespace Slipway.Backup.Restic;

/// <summary>One line of restic's --json output.</summary>
public abstract record ResticMessage;

/// <summary>Periodic progress of a running backup or restore.</summary>
public sealed record ResticStatus(double PercentDone, long BytesDone, long TotalBytes, long FilesDone, long TotalFiles) : ResticMessage;

/// <summary>The closing numbers of a backup.</summary>
public sealed record ResticSummary(long FilesNew, long FilesChanged, long FilesUnmodified, long DataAdded, long TotalBytesProcessed,
    TimeSpan Duration, string SnapshotId) : ResticMessage;

/// <summary>An error restic reported while it went on.</summary>
public sealed record ResticError(string Message, string? Item) : ResticMessage;

/// <summary>Parses restic's JSON progress lines (status, summary, error); anything else is not a message.</summary>
public static class ResticProgress
{
    public static ResticMessage? Parse(string line)
    {
        if (!line.StartsWith('{')) return null;
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            return Text(root, "message_type") switch
            {
                "status" => new ResticStatus(Number(root, "percent_done"), Long(root, "bytes_done"), Long(root, "total_bytes"),
                    Long(root, "files_done"), Long(root, "total_files")),
                "summary" => new ResticSummary(Long(root, "files_new"), Long(root, "files_changed"), Long(root, "files_unmodified"),
                    Long(root, "data_added"), Long(root, "total_bytes_processed"), TimeSpan.FromSeconds(Number(root, "total_duration")),
                    Text(root, "snapshot_id") ?? ""),
                "error" => new ResticError(ErrorText(root), Text(root, "item")),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    static string ErrorText(JsonElement root) =>
        root.TryGetProperty("error", out var error)
            ? error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) ? m.ToString() : error.ToString()
            : "unknown error";

    static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    static long Long(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;

    static double Number(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : 0;
}
