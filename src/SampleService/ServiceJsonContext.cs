using System.Text.Json;
using System.Text.Json.Serialization;

namespace SampleService;

/// <summary>The body of /health and /ready.</summary>
internal sealed record StatusResponse(
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null);

// Source-generated so the service needs no reflection to read or write its bodies.
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(StatusResponse))]
[JsonSerializable(typeof(VersionInfo))]
[JsonSerializable(typeof(Reading))]
[JsonSerializable(typeof(IReadOnlyList<Reading>))]
[JsonSerializable(typeof(NewReading))]
internal sealed partial class ServiceJsonContext : JsonSerializerContext;
