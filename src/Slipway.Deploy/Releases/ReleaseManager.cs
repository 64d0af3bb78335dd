using Docker.DotNet;
using Serilog;
using Slipway.Compose;
using Slipway.Deploy.Edge;
using Slipway.Deploy.State;
using Slipway.Docker;

namespace Slipway.Deploy.Releases;

/// <summary>How releases are kept: how many per environment, and who is deploying.</summary>
public sealed record ReleaseSettings(int KeepReleases, string Who)
{
    /// <summary>The state store's name on the deploy target; tests use their own.</summary>
    public string StateName { get; init; } = StateStore.DefaultName;
}

/// <summary>Deploys and rolls back releases of an environment, recording each in the history and the audit log on the deploy target.
/// A rollback is the same deploy, of a retained release's image and stored configuration.</summary>
public sealed class ReleaseManager(IDockerClient docker, ReleaseSettings settings)
{
    readonly StateStore _store = new(docker, settings.StateName);
    AuditLog Audit => new(_store);

    public Task<ReleaseHistory> HistoryAsync(string environment, CancellationToken ct = default) =>
        ReleaseHistory.LoadAsync(_store, environment, ct);

    public Task<IReadOnlyList<AuditEntry>> AuditAsync(string environment, int count, CancellationToken ct = default) =>
        Audit.TailAsync(environment, count, ct);

    public Task RecordAsync(string environment, string action, string detail, CancellationToken ct = default) =>
        Audit.RecordAsync(environment, settings.Who, action, detail, ct);

    /// <summary>Deploys <paramref name="request"/> as a new release; the same image and configuration already running is not a new release.</summary>
    public async Task<Release> DeployAsync(DeployRequest request, CancellationToken ct = default)
    {
        var project = Deployer.LoadProject(request);
        var history = await HistoryAsync(request.Environment, ct);
        if (history.Latest is { State: ReleaseState.Deployed or ReleaseState.SmokePassed } latest
            && latest.Digest == request.Image.Digest && latest.ConfigHash == project.Hash && await IsRunningAsync(request.ProjectName, latest.Id, ct))
        {
            var unchanged = await new Deployer(docker).DeployProjectAsync(project, request with { ReleaseId = latest.Id }, ct);
            Log.Information("{Environment} already runs release {Release} ({Digest}) with this configuration", request.Environment, latest.Id, latest.ShortDigest);
            if (unchanged.Changed) Log.Warning("Repaired {Environment}: its containers did not match release {Release}", request.Environment, latest.Id);
            return latest;
        }

        (history, var release) = history.Add(id => new Release(id, request.Environment, request.Image.ToString(), request.Image.Digest ?? "",
            request.Commit, request.Version, project.Hash, project.ToCanonicalYaml(), settings.Who, DateTimeOffset.UtcNow, ReleaseState.Deploying));
        await history.SaveAsync(_store, ct);
        await RegisterEnvironmentAsync(request.Environment, ct);
        await RecordAsync(request.Environment, "deploy", $"{release.Id} {release.Image} commit {release.ShortCommit} version {release.Version}", ct);
        try
        {
            await new Deployer(docker).DeployProjectAsync(project, request with { ReleaseId = release.Id }, ct);
        }
        catch (Exception e)
        {
            await (await HistoryAsync(request.Environment, CancellationToken.None)).With(release with { State = ReleaseState.Failed }).SaveAsync(_store, CancellationToken.None);
            await RecordAsync(request.Environment, "deploy-failed", $"{release.Id}: {e.Message}", CancellationToken.None);
            throw;
        }
        release = release with { State = ReleaseState.Deployed };
        await SaveWithRetentionAsync((await HistoryAsync(request.Environment, ct)).With(release), ct);
        Log.Information("Release {Release} of {Environment} is {Image}", release.Id, release.Environment, release.Image);
        return release;
    }

    /// <summary>Records the smoke test's verdict; a pass makes the release the environment's stable one.</summary>
    public async Task<Release> RecordSmokeTestAsync(string environment, string releaseId, bool passed, string detail, CancellationToken ct = default)
    {
        var history = await HistoryAsync(environment, ct);
        var release = history.Find(releaseId) ?? throw new ReleaseException($"release {releaseId} of {environment} is not in its history");
        history = passed ? history.MarkStable(release) : history.With(release with { State = ReleaseState.SmokeFailed });
        await history.SaveAsync(_store, ct);
        await RecordAsync(environment, passed ? "smoke-passed" : "smoke-failed", $"{releaseId}{(detail.Length > 0 ? ": " + detail : "")}", ct);
        if (passed) Log.Information("Release {Release} is now the stable release of {Environment}", releaseId, environment);
        return history.Find(releaseId)!;
    }

    /// <summary>Goes back to <paramref name="to"/>, or to the stable release; the rolled-back release stays in the history.</summary>
    /// <remarks>The stored configuration names its secrets; their values come from <paramref name="secrets"/> (the secrets file) as in a deploy.
    /// <paramref name="configure"/> sets how it switches (edge, health gates, drain), as for a deploy; the image and configuration stay the release's.</remarks>
    public async Task<Release> RollbackAsync(string environment, string projectName, string? to, string reason, RegistryEndpoint? registry,
        IReadOnlyDictionary<string, string>? secrets = null, Func<DeployRequest, DeployRequest>? configure = null, CancellationToken ct = default)
    {
        var history = await HistoryAsync(environment, ct);
        var current = await RunningReleaseAsync(projectName, history, ct);
        var target = ChooseTarget(history, current, to, environment);
        Log.Information("Rolling {Environment} back from {Current} to {Target} ({Image})", environment, current?.Id ?? "nothing", target.Id, target.Image);
        await RecordAsync(environment, "rollback", $"{current?.Id ?? "-"} -> {target.Id}: {reason}", ct);
        var request = new DeployRequest(environment, projectName, [], ImageRef.Parse(target.Image), target.Commit, target.Version)
        {
            ReleaseId = target.Id, StoredConfig = target.Config, Registry = registry, Secrets = secrets ?? new Dictionary<string, string>(),
        };
        // Only how it switches may change: what runs is the release's own image and stored configuration.
        if (configure is not null) request = configure(request) with { Image = request.Image, ReleaseId = target.Id, StoredConfig = target.Config };
        await new Deployer(docker).DeployProjectAsync(Deployer.LoadProject(request), request, ct);
        if (current is not null && current.Id != target.Id) history = history.With(current with { State = ReleaseState.RolledBack });
        // Going back to a release that passed its smoke test makes it the stable one again; the one left is not.
        if (target.State == ReleaseState.SmokePassed) history = history with { StableId = target.Id };
        await history.SaveAsync(_store, ct);
        return target;
    }

    public async Task<Release?> RunningReleaseAsync(string projectName, ReleaseHistory history, CancellationToken ct = default)
    {
        var containers = await new ContainerOperations(docker).ListAsync(new Dictionary<string, string> { [ComposeLabels.Project] = projectName }, ct);
        var id = containers.Where(c => c.State == "running")
            .Select(c => c.Labels.TryGetValue(Deployer.LabelPrefix + "release", out var release) ? release : null)
            .FirstOrDefault(r => !string.IsNullOrEmpty(r));
        return id is null ? null : history.Find(id);
    }

    static Release ChooseTarget(ReleaseHistory history, Release? current, string? to, string environment)
    {
        if (to is not null)
        {
            var chosen = history.Find(to) ?? throw new ReleaseException($"{environment} has no release '{to}'; retained releases: {Retained(history)} (./build.sh Releases --env {environment})");
            if (!chosen.Retained) throw new ReleaseException($"release {chosen.Id} of {environment} is no longer retained; retained releases: {Retained(history)}");
            return chosen;
        }
        var stable = history.Stable
            ?? throw new ReleaseException($"{environment} has no earlier stable release to roll back to; retained releases: {Retained(history)} (name one with --to)");
        if (stable.Id == current?.Id)
            throw new ReleaseException($"{environment} already runs its stable release {stable.Id}; name another with --to (retained: {Retained(history)})");
        return stable;
    }

    static string Retained(ReleaseHistory history)
    {
        var ids = history.Releases.Where(r => r.Retained).Select(r => r.Id).ToList();
        return ids.Count == 0 ? "none" : string.Join(", ", ids);
    }

    /// <summary>"healthy", "unhealthy", "starting", "running" (no health check), or "down".</summary>
    public async Task<string> HealthOfAsync(string projectName, CancellationToken ct = default)
    {
        var containers = await new ContainerOperations(docker).ListAsync(new Dictionary<string, string> { [ComposeLabels.Project] = projectName }, ct);
        var running = containers.Where(c => c.State == "running" && !EdgeSpec.IsEdge(c.Labels)).ToList();
        if (running.Count == 0) return "down";
        var status = running[0].Status ?? "";
        return status.Contains("(healthy)") ? "healthy" : status.Contains("unhealthy") ? "unhealthy" : status.Contains("starting") ? "starting" : "running";
    }

    async Task<bool> IsRunningAsync(string projectName, string releaseId, CancellationToken ct)
    {
        var containers = await new ContainerOperations(docker).ListAsync(new Dictionary<string, string>
        {
            [ComposeLabels.Project] = projectName, [Deployer.LabelPrefix + "release"] = releaseId,
        }, ct);
        return containers.Count > 0 && containers.All(c => c.State == "running");
    }

    async Task SaveWithRetentionAsync(ReleaseHistory history, CancellationToken ct)
    {
        var (kept, dropped) = history.ApplyRetention(settings.KeepReleases);
        await kept.SaveAsync(_store, ct);
        foreach (var release in dropped)
        {
            if (await IsRetainedElsewhereAsync(release, ct)) continue;
            await new ImageOperations(docker).RemoveAsync(release.Image, ct);
            Log.Information("Release {Release} of {Environment} is no longer retained; removed its image", release.Id, release.Environment);
        }
    }

    /// <summary>The same digest may be a retained release of another environment (promotion): its image must stay.</summary>
    async Task<bool> IsRetainedElsewhereAsync(Release release, CancellationToken ct)
    {
        foreach (var environment in await EnvironmentsWithHistoryAsync(ct))
        {
            if (environment == release.Environment) continue;
            var other = await HistoryAsync(environment, ct);
            if (other.Releases.Any(r => r.Retained && r.Digest == release.Digest)) return true;
        }
        return false;
    }

    async Task RegisterEnvironmentAsync(string environment, CancellationToken ct)
    {
        var known = await EnvironmentsWithHistoryAsync(ct);
        if (!known.Contains(environment)) await _store.WriteAsync("environments", string.Join('\n', known.Append(environment)) + "\n", ct);
    }

    public async Task<IReadOnlyList<string>> EnvironmentsWithHistoryAsync(CancellationToken ct = default) =>
        (await _store.ReadAsync("environments", ct) ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A release that does not exist or cannot be rolled back to; the message lists what can.</summary>
public sealed class ReleaseException(string message) : Exception(message);
