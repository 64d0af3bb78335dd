using System.Text.Json;
using Slipway.Deploy.State;

namespace Slipway.Deploy.Releases;

/// <summary>One line of an environment's audit log.</summary>
public sealed record AuditEntry(DateTimeOffset At, string Who, string Action, string Detail);

/// <summary>Appends what happened to an environment (deploys, smoke results, rollbacks, lock actions) to its log on the deploy target.</summary>
public sealed class AuditLog(StateStore store)
{
    public static string PathOf(string environment) => $"{environment}/audit.jsonl";

    public async Task RecordAsync(string environment, string who, string action, string detail, CancellationToken ct = default)
    {
        var existing = await store.ReadAsync(PathOf(environment), ct) ?? "";
        var line = JsonSerializer.Serialize(new AuditEntry(DateTimeOffset.UtcNow, who, action, detail));
        await store.WriteAsync(PathOf(environment), existing + line + "\n", ct);
    }

    public async Task<IReadOnlyList<AuditEntry>> TailAsync(string environment, int count, CancellationToken ct = default)
    {
        var text = await store.ReadAsync(PathOf(environment), ct) ?? "";
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(count)
            .Select(line => JsonSerializer.Deserialize<AuditEntry>(line)!).ToList();
    }
}
