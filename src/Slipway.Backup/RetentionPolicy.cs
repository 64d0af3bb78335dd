using System.Text.Json;
using Serilog;
using Slipway.Backup.Restic;

namespace Slipway.Backup;

/// <summary>How many daily, weekly and monthly snapshots an environment keeps; the newest pre-deploy snapshot is always kept.</summary>
/// <remarks>restic's --keep-tag would keep every pre-deploy snapshot forever. Instead restic computes the policy (dry run, one group
/// per environment), and the snapshots it would remove are forgotten by id, minus the newest pre-deploy one. Forgetting by id
/// also means one environment's retention can never touch another's snapshots.</remarks>
public sealed record RetentionPolicy(int KeepDaily = 7, int KeepWeekly = 4, int KeepMonthly = 3)
{
    public bool KeepsEverything => KeepDaily == 0 && KeepWeekly == 0 && KeepMonthly == 0;

    /// <summary>The dry run that asks restic which of the environment's snapshots the policy removes.</summary>
    public IReadOnlyList<string> DryRunArguments(string environment)
    {
        if (KeepDaily < 0 || KeepWeekly < 0 || KeepMonthly < 0)
            throw new BackupException($"retention counts must be 0 or more (daily {KeepDaily}, weekly {KeepWeekly}, monthly {KeepMonthly}); fix --keep-daily/--keep-weekly/--keep-monthly");
        return
        [
            "forget", "--tag", SnapshotTags.Environment(environment), "--group-by", "",
            "--keep-daily", $"{KeepDaily}", "--keep-weekly", $"{KeepWeekly}", "--keep-monthly", $"{KeepMonthly}",
            "--dry-run", "--json", "--no-lock",
        ];
    }

    /// <summary>What the policy removes, except the newest pre-deploy snapshot of everything in the group; pure.</summary>
    public static IReadOnlyList<ResticSnapshot> Removals(IReadOnlyList<ResticSnapshot> policyRemovals, IReadOnlyList<ResticSnapshot> allInGroup)
    {
        var newestPreDeploy = allInGroup.Where(s => s.Kind == BackupKind.PreDeploy.Name()).MaxBy(s => s.Time);
        return policyRemovals.Where(s => s.Id != newestPreDeploy?.Id).ToList();
    }

    /// <summary>Reads restic's dry-run answer: per group, the snapshots it keeps and removes.</summary>
    public static (IReadOnlyList<ResticSnapshot> Keep, IReadOnlyList<ResticSnapshot> Remove) ParseDryRun(string json)
    {
        var keep = new List<ResticSnapshot>();
        var remove = new List<ResticSnapshot>();
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "[]" : json);
        foreach (var group in document.RootElement.EnumerateArray())
        {
            keep.AddRange(Snapshots(group, "keep"));
            remove.AddRange(Snapshots(group, "remove"));
        }
        return (keep, remove);
    }

    /// <summary>Applies the policy to one environment and returns the snapshots it forgot.</summary>
    public async Task<IReadOnlyList<ResticSnapshot>> ApplyAsync(ResticRepository repository, string environment, bool prune, CancellationToken ct = default)
    {
        if (KeepsEverything)
        {
            Log.Warning("Retention keeps every snapshot of {Environment}: all counts are 0", environment);
            return [];
        }
        var (keep, remove) = ParseDryRun(await repository.Cli.RunAsync(DryRunArguments(environment), ct));
        var removals = Removals(remove, keep.Concat(remove).ToList());
        foreach (var kept in remove.Except(removals))
            Log.Information("Keeping {Snapshot}, the newest pre-deploy snapshot of {Environment}", kept.ShortId, environment);
        await ForgetAsync(repository, removals.Select(s => s.Id).ToList(), prune, ct);
        Log.Information("Retention for {Environment} (daily {Daily}, weekly {Weekly}, monthly {Monthly}): kept {Kept}, forgot {Forgot}",
            environment, KeepDaily, KeepWeekly, KeepMonthly, keep.Count + remove.Count - removals.Count, removals.Count);
        return removals;
    }

    /// <summary>Forgetting needs an exclusive lock: a stale one (say, of a killed backup) is named, removed and the forget retried;
    /// a live one fails with who holds it.</summary>
    static async Task ForgetAsync(ResticRepository repository, IReadOnlyList<string> ids, bool prune, CancellationToken ct)
    {
        try
        {
            await repository.ForgetAsync(ids, prune, ct);
        }
        catch (BackupException e) when (e.Reason == BackupFailure.RepositoryLocked)
        {
            if ((await new ResticLocks(repository).RemoveStaleAsync(ct: ct)).Count > 0) throw;
            await repository.ForgetAsync(ids, prune, ct);
        }
    }

    static IEnumerable<ResticSnapshot> Snapshots(JsonElement group, string name) =>
        group.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().Select(ResticSnapshot.Parse) : [];
}
