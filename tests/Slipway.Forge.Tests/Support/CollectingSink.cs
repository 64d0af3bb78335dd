using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Slipway.Forge.Tests.Support;

/// <summary>A Serilog sink that keeps the rendered lines, so tests can read what was logged.</summary>
sealed class CollectingSink : ILogEventSink
{
    readonly List<(LogEventLevel Level, string Text)> _lines = [];

    public ILogger Logger => new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(this).CreateLogger();

    public IReadOnlyList<string> Warnings => [.. Lines(LogEventLevel.Warning)];
    public IReadOnlyList<string> Information => [.. Lines(LogEventLevel.Information)];

    public void Emit(LogEvent logEvent)
    {
        lock (_lines)
            _lines.Add((logEvent.Level, logEvent.RenderMessage()));
    }

    IEnumerable<string> Lines(LogEventLevel level)
    {
        lock (_lines)
            return _lines.Where(line => line.Level == level).Select(line => line.Text).ToList();
    }
}
