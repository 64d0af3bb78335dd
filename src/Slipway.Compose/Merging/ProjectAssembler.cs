using System.Collections.ObjectModel;
using Slipway.Compose.Reading;

namespace Slipway.Compose.Merging;

/// <summary>Turns the merged, checked drafts into the immutable <see cref="ComposeProject"/>.</summary>
internal static class ProjectAssembler
{
    public static ComposeProject Assemble(FileDraft merged, string name, IReadOnlyList<string> sourceFiles, IEnumerable<string> warnings) => new()
    {
        Name = name,
        Services = Freeze(merged.Services.Values.Select(ToSpec), service => service.Name),
        Volumes = Freeze(merged.Volumes.Select(entry => ToSpec(name, entry.Key, entry.Value)), volume => volume.Key),
        Networks = Freeze(merged.Networks.Select(entry => ToSpec(name, entry.Key, entry.Value)), network => network.Key),
        Secrets = Freeze(merged.Secrets.Values, secret => secret.Name),
        Warnings = warnings.Distinct().ToArray(),
        SourceFiles = sourceFiles.ToArray(),
    };

    private static ServiceSpec ToSpec(ServiceDraft draft) => new()
    {
        Name = draft.Name,
        Image = draft.Image!,
        ContainerName = draft.ContainerName?.Value,
        Command = draft.Command?.ToArray(),
        Entrypoint = draft.Entrypoint?.ToArray(),
        Environment = Freeze(draft.Environment),
        Ports = draft.Ports.ToArray(),
        Expose = draft.Expose.ToArray(),
        Volumes = draft.Volumes.Select(mount => mount.Value).ToArray(),
        Healthcheck = draft.Healthcheck is { } health ? ToSpec(health) : null,
        Labels = Freeze(draft.Labels),
        Restart = draft.Restart,
        DependsOn = Freeze(draft.DependsOn.Select(entry => KeyValuePair.Create(entry.Key, entry.Value.Value))),
        Networks = Freeze(draft.Networks.Select(entry => KeyValuePair.Create(entry.Key, entry.Value.Value))),
        User = draft.User,
        WorkingDir = draft.WorkingDir,
        StopGracePeriod = draft.StopGracePeriod,
        StopSignal = draft.StopSignal,
        Secrets = draft.Secrets.Values.Select(secret => secret.Value).ToArray(),
        Replicas = draft.Replicas?.Value ?? 1,
    };

    private static HealthcheckSpec ToSpec(HealthcheckDraft draft) => new(
        draft.Test?.ToArray(), draft.Interval, draft.Timeout, draft.Retries, draft.StartPeriod,
        Disabled: draft.Disable == true || draft.Test is ["NONE"]);

    private static VolumeSpec ToSpec(string project, string key, VolumeDraft draft) => new(
        key, EngineName(project, key, draft.Name, draft.External), draft.Driver, Freeze(draft.Labels), draft.External == true);

    private static NetworkSpec ToSpec(string project, string key, NetworkDraft draft) => new(
        key, EngineName(project, key, draft.Name, draft.External), draft.Driver, draft.Internal == true, Freeze(draft.Labels), draft.External == true);

    private static string EngineName(string project, string key, string? name, bool? external) =>
        name ?? (external == true ? key : $"{project}_{key}");

    private static ReadOnlyDictionary<string, T> Freeze<T>(IEnumerable<T> values, Func<T, string> keyOf) =>
        Freeze(values.Select(value => KeyValuePair.Create(keyOf(value), value)));

    private static ReadOnlyDictionary<string, T> Freeze<T>(IEnumerable<KeyValuePair<string, T>> entries)
    {
        var ordered = new OrderedDictionary<string, T>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
            ordered[key] = value;
        return new ReadOnlyDictionary<string, T>(ordered);
    }
}
