using System.Net;
using System.Text.Json;
using Serilog;

namespace Slipway.Backup.Restic;

/// <summary>A lock file in the repository: who holds it and since when.</summary>
public sealed record ResticLock(string Id, DateTimeOffset Time, bool Exclusive, string Hostname, string Username, int Pid)
{
    /// <summary>restic's own rule, so that `restic unlock` removes exactly the locks called stale here.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(30);

    public bool IsStale(DateTimeOffset now, string localHostname, Func<int, bool> processExists) =>
        now - Time > StaleAfter || (Hostname == localHostname && !processExists(Pid));

    public string Holder => $"PID {Pid} on {Hostname} ({Username}) since {Time.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z{(Exclusive ? ", exclusive" : "")}";

    public static ResticLock Parse(string id, string json)
    {
        using var document = JsonDocument.Parse(json);
        var e = document.RootElement;
        return new ResticLock(id, ResticSnapshot.ParseTime(e.GetProperty("time").GetString()!),
            e.TryGetProperty("exclusive", out var x) && x.GetBoolean(),
            e.GetProperty("hostname").GetString() ?? "", e.TryGetProperty("username", out var u) ? u.GetString() ?? "" : "",
            e.GetProperty("pid").GetInt32());
    }
}

/// <summary>Finds the repository's locks, reports who holds them, and breaks them only when stale (or when forced).</summary>
public sealed class ResticLocks(ResticRepository repository)
{
    public async Task<IReadOnlyList<ResticLock>> ListAsync(CancellationToken ct = default)
    {
        var ids = (await repository.Cli.RunAsync(["list", "locks", "--no-lock"], ct))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var locks = new List<ResticLock>();
        foreach (var id in ids)
        {
            try { locks.Add(ResticLock.Parse(id, await repository.Cli.RunAsync(["cat", "lock", id, "--no-lock"], ct))); }
            catch (BackupException) { } // released between listing and reading
        }
        return locks;
    }

    /// <summary>Removes the stale locks, naming each; live ones are reported and kept. Returns the locks still held afterwards.</summary>
    public async Task<IReadOnlyList<ResticLock>> RemoveStaleAsync(bool force = false, CancellationToken ct = default)
    {
        var locks = await ListAsync(ct);
        if (locks.Count == 0) return [];
        var now = DateTimeOffset.UtcNow;
        var stale = locks.Where(l => force || l.IsStale(now, Dns.GetHostName(), ProcessExists)).ToList();
        foreach (var held in locks.Except(stale))
            Log.Warning("restic repository {Repository} is locked by {Holder} (lock {Lock}); it is live, so it stays", repository.Settings.DisplayName, held.Holder, held.Id[..8]);
        if (stale.Count == 0) return locks;
        foreach (var old in stale)
            Log.Warning("Removing {Kind} restic lock {Lock} held by {Holder}", force ? "forced" : "stale", old.Id[..8], old.Holder);
        await repository.UnlockAsync(removeAll: force, ct);
        return await ListAsync(ct);
    }

    /// <summary>The same test restic makes (signal 0): a zombie still counts as running.</summary>
    internal static bool ProcessExists(int pid) => Directory.Exists($"/proc/{pid}");
}
