using System.Diagnostics;

namespace SampleService;

/// <summary>Logs one line per request, and only when Debug is enabled.</summary>
internal static class RequestLogging
{
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("SampleService.Requests");
        if (!logger.IsEnabled(LogLevel.Debug))
            return app;
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            await next(context);
            ServiceLog.RequestHandled(logger, context.Request.Method, context.Request.Path,
                context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        });
    }
}
