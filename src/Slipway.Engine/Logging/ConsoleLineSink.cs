using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace Slipway.Engine.Logging;

/// <summary>Writes each event as one formatted line to the console the build attached.</summary>
/// <remarks>Serilog.Sinks.Console's theming and terminal detection cost about 30 ms at every start of ./build.sh;
/// our lines are plain, so a plain sink does.</remarks>
internal sealed class ConsoleLineSink(ITextFormatter formatter) : ILogEventSink
{
    readonly object _gate = new();

    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            formatter.Format(logEvent, Console.Out);
            Console.Out.Flush();
        }
    }
}
