using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace SampleService;

/// <summary>Maps the /readings resource: create, list, fetch and (with the API key) delete.</summary>
internal static class ReadingEndpoints
{
    public const string ApiKeyHeader = "X-Api-Key";
    public const string ApiKeySecret = "api_key";

    public static IEndpointRouteBuilder MapReadings(this IEndpointRouteBuilder app)
    {
        var readings = app.MapGroup("/readings");
        readings.MapPost("", CreateAsync);
        readings.MapGet("", ListAsync);
        readings.MapGet("/{id:long}", GetAsync);
        readings.MapDelete("/{id:long}", DeleteAsync);
        return app;
    }

    private static async Task<Results<Created<Reading>, ValidationProblem>> CreateAsync(
        NewReading request, ReadingsStore store, CancellationToken ct)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var reading = await store.AddAsync(request.Sensor!, request.Value!.Value, ct);
        return TypedResults.Created($"/readings/{reading.Id}", reading);
    }

    private static async Task<Ok<IReadOnlyList<Reading>>> ListAsync(
        string? sensor, ReadingsStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.ListAsync(string.IsNullOrEmpty(sensor) ? null : sensor, ct));

    private static async Task<Results<Ok<Reading>, NotFound>> GetAsync(long id, ReadingsStore store, CancellationToken ct) =>
        await store.FindAsync(id, ct) is { } reading ? TypedResults.Ok(reading) : TypedResults.NotFound();

    private static async Task<IResult> DeleteAsync(
        long id, [FromHeader(Name = ApiKeyHeader)] string? apiKey,
        ReadingsStore store, SecretReader secrets, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(ReadingEndpoints).FullName!);
        var expected = secrets.Read(ApiKeySecret);
        if (expected is null)
            return Refuse(logger, id, StatusCodes.Status503ServiceUnavailable, $"{ApiKeySecret} not configured");
        if (!expected.Matches(apiKey))
            return Refuse(logger, id, StatusCodes.Status401Unauthorized, $"missing or wrong {ApiKeyHeader} header");
        return await store.DeleteAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    private static ProblemHttpResult Refuse(ILogger logger, long id, int statusCode, string reason)
    {
        ServiceLog.DeleteRefused(logger, id, reason);
        return TypedResults.Problem(detail: reason, statusCode: statusCode);
    }
}
