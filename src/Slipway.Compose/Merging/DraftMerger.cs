using Slipway.Compose.Reading;

namespace Slipway.Compose.Merging;

/// <summary>Applies override files to a base file the way compose does.</summary>
internal static class DraftMerger
{
    public static FileDraft Merge(IReadOnlyList<FileDraft> files)
    {
        var merged = new FileDraft(files[0].File);
        foreach (var file in files)
            MergeInto(merged, file);
        return merged;
    }

    private static void MergeInto(FileDraft target, FileDraft over)
    {
        target.Name = over.Name ?? target.Name;
        foreach (var (name, service) in over.Services)
        {
            if (target.Services.TryGetValue(name, out var existing))
                MergeService(existing, service);
            else
                target.Services[name] = service;
        }
        foreach (var (name, volume) in over.Volumes)
            target.Volumes[name] = target.Volumes.TryGetValue(name, out var existing) ? Merge(existing, volume) : volume;
        foreach (var (name, network) in over.Networks)
            target.Networks[name] = target.Networks.TryGetValue(name, out var existing) ? Merge(existing, network) : network;
        // A secret has exactly one source, so an override replaces it whole.
        foreach (var (name, secret) in over.Secrets)
            target.Secrets[name] = secret;
    }

    private static void MergeService(ServiceDraft target, ServiceDraft over)
    {
        target.Image = over.Image ?? target.Image;
        target.ContainerName = over.ContainerName ?? target.ContainerName;
        target.Command = over.Command ?? target.Command;
        target.Entrypoint = over.Entrypoint ?? target.Entrypoint;
        target.Restart = over.Restart ?? target.Restart;
        target.User = over.User ?? target.User;
        target.WorkingDir = over.WorkingDir ?? target.WorkingDir;
        target.StopGracePeriod = over.StopGracePeriod ?? target.StopGracePeriod;
        target.StopSignal = over.StopSignal ?? target.StopSignal;
        target.Replicas = over.Replicas ?? target.Replicas;
        target.Healthcheck = Merge(target.Healthcheck, over.Healthcheck);
        MergeCollections(target, over);
    }

    private static void MergeCollections(ServiceDraft target, ServiceDraft over)
    {
        SetAll(target.Environment, over.Environment);
        SetAll(target.Labels, over.Labels);
        SetAll(target.DependsOn, over.DependsOn);
        SetAll(target.Networks, over.Networks);
        SetAll(target.Secrets, over.Secrets);
        target.Ports.AddRange(over.Ports.Where(port => !target.Ports.Contains(port)).Distinct());
        target.Expose.AddRange(over.Expose.Where(port => !target.Expose.Contains(port)).Distinct());
        foreach (var mount in over.Volumes)
        {
            var index = target.Volumes.FindIndex(existing => existing.Value.Target == mount.Value.Target);
            if (index >= 0)
                target.Volumes[index] = mount;
            else
                target.Volumes.Add(mount);
        }
    }

    private static HealthcheckDraft? Merge(HealthcheckDraft? target, HealthcheckDraft? over)
    {
        if (target is null || over is null)
            return over ?? target;
        target.Test = over.Test ?? target.Test;
        target.Interval = over.Interval ?? target.Interval;
        target.Timeout = over.Timeout ?? target.Timeout;
        target.Retries = over.Retries ?? target.Retries;
        target.StartPeriod = over.StartPeriod ?? target.StartPeriod;
        target.Disable = over.Disable ?? target.Disable;
        return target;
    }

    private static VolumeDraft Merge(VolumeDraft target, VolumeDraft over) => new(
        over.Name ?? target.Name, over.Driver ?? target.Driver, MergeLabels(target.Labels, over.Labels), over.External ?? target.External);

    private static NetworkDraft Merge(NetworkDraft target, NetworkDraft over) => new(
        over.Name ?? target.Name, over.Driver ?? target.Driver, over.Internal ?? target.Internal,
        MergeLabels(target.Labels, over.Labels), over.External ?? target.External);

    private static Dictionary<string, string> MergeLabels(IReadOnlyDictionary<string, string> target, IReadOnlyDictionary<string, string> over)
    {
        var labels = new Dictionary<string, string>(target, StringComparer.Ordinal);
        SetAll(labels, over);
        return labels;
    }

    private static void SetAll<TValue>(IDictionary<string, TValue> target, IEnumerable<KeyValuePair<string, TValue>> over)
    {
        foreach (var (key, value) in over)
            target[key] = value;
    }
}
