namespace SampleService;

/// <summary>Maps the liveness, readiness and version endpoints.</summary>
internal static class OperationalEndpoints
{
    public static IEndpointRouteBuilder MapOperational(this IEndpointRouteBuilder app)
    {
        // Liveness never touches the database: a slow disk must not get the process restarted.
        app.MapGet("/health", () => TypedResults.Ok(new StatusResponse("healthy")));
        app.MapGet("/ready", GetReadinessAsync);
        app.MapGet("/version", (VersionInfo version) => TypedResults.Ok(version));
        return app;
    }

    private static async Task<IResult> GetReadinessAsync(DatabaseReadiness readiness, CancellationToken ct)
    {
        var reason = await readiness.CheckAsync(ct);
        return reason is null
            ? TypedResults.Ok(new StatusResponse("ready"))
            : TypedResults.Json(new StatusResponse("unavailable", reason), ServiceJsonContext.Default.StatusResponse,
                statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
