using Serilog.Events;
using Serilog.Formatting;

namespace Slipway.Engine.Logging;

/// <summary>Renders an event with the inner formatter, then masks secrets in the whole text, exception included.</summary>
internal sealed class MaskingTextFormatter(ITextFormatter inner) : ITextFormatter
{
    public void Format(LogEvent logEvent, TextWriter output)
    {
        using var buffer = new StringWriter();
        inner.Format(logEvent, buffer);
        output.Write(SecretMasker.Mask(buffer.ToString()));
    }
}
