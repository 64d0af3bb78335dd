using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;
using Slipway.Engine.Cli;

namespace Slipway.Engine.Logging;

/// <summary>Creates the console logger of a build: "HH:mm:ss [LVL] message", masked, level set by --verbosity.</summary>
internal static class BuildLog
{
    const string Template = "{Timestamp:HH:mm:ss} [{Level:u3}] {Message:lj}{NewLine}{Exception}";

    public static Logger Create(LoggingLevelSwitch level) =>
        new LoggerConfiguration()
            .MinimumLevel.ControlledBy(level)
            .WriteTo.Sink(new ConsoleLineSink(new MaskingTextFormatter(new MessageTemplateTextFormatter(Template))))
            .CreateLogger();

    public static LogEventLevel ToLevel(Verbosity verbosity) => verbosity switch
    {
        Verbosity.Quiet => LogEventLevel.Error,
        Verbosity.Minimal => LogEventLevel.Warning,
        Verbosity.Verbose => LogEventLevel.Debug,
        _ => LogEventLevel.Information,
    };
}
