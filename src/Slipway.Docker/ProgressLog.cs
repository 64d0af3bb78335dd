using Docker.DotNet.Models;
using Serilog;

namespace Slipway.Docker;

/// <summary>Turns the engine's JSON progress messages into log lines, without repeating the same status for a layer.</summary>
internal sealed class ProgressLog(string operation) : IProgress<JSONMessage>
{
    readonly Dictionary<string, string> _lastStatusById = new();
    public string? Error { get; private set; }
    public List<JSONMessage> Messages { get; } = new();

    public void Report(JSONMessage value)
    {
        lock (_lastStatusById)
        {
            Messages.Add(value);
            if (value.Error is { } error) Error = error.Message;
            if (!string.IsNullOrWhiteSpace(value.Stream))
                Log.Debug("{Operation}: {Line}", operation, value.Stream.TrimEnd());
            if (string.IsNullOrEmpty(value.Status)) return;
            var id = value.ID ?? "";
            // Byte-level progress is noisy; layer state changes ("Pushed", "Layer already exists") are what a person wants.
            if (_lastStatusById.TryGetValue(id, out var last) && last == value.Status) return;
            _lastStatusById[id] = value.Status;
            if (value.Progress is { Total: > 0 } p && value.Status is "Pushing" or "Downloading" or "Extracting")
                return;
            Log.Information("{Operation}: {Layer} {Status}", operation, id.Length > 0 ? id : "-", value.Status);
        }
    }
}
