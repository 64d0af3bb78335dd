using Slipway.Compose.Reading;

namespace Slipway.Compose.Merging;

/// <summary>Checks what only the merged configuration can tell: required keys, references between definitions, cycles.</summary>
internal static class ReferenceChecker
{
    public static void Check(FileDraft merged)
    {
        foreach (var service in merged.Services.Values)
        {
            if (string.IsNullOrEmpty(service.Image))
                throw service.Declared.Error("missing required key 'image' (every service needs an image after merging all files)");
            CheckReferences(merged, service);
            if (service.ContainerName is { } name && service.Replicas is { Value: > 1 } replicas)
                throw replicas.Place.Error($"{replicas.Value} replicas cannot share container_name '{name.Value}' (remove container_name, or run 1 replica)");
        }
        CheckCycles(merged);
    }

    private static void CheckReferences(FileDraft merged, ServiceDraft service)
    {
        foreach (var mount in service.Volumes.Where(mount => mount.Value.Type == MountType.Volume))
        {
            if (!merged.Volumes.ContainsKey(mount.Value.Source!))
                throw mount.Place.Error($"named volume '{mount.Value.Source}' is not declared (add it under top-level volumes{Known(merged.Volumes.Keys)})");
        }
        foreach (var (name, network) in service.Networks)
        {
            if (name != "default" && !merged.Networks.ContainsKey(name))
                throw network.Place.Error($"network '{name}' is not declared (add it under top-level networks{Known(merged.Networks.Keys)})");
        }
        foreach (var (name, secret) in service.Secrets)
        {
            if (!merged.Secrets.ContainsKey(name))
                throw secret.Place.Error($"secret '{name}' is not declared (add it under top-level secrets{Known(merged.Secrets.Keys)})");
        }
        foreach (var (name, dependency) in service.DependsOn)
        {
            if (name == service.Name)
                throw dependency.Place.Error($"service '{name}' depends on itself (remove this entry)");
            if (!merged.Services.ContainsKey(name))
                throw dependency.Place.Error($"depends on unknown service '{name}' (services: {string.Join(", ", merged.Services.Keys.Where(s => s != service.Name))})");
        }
    }

    private static void CheckCycles(FileDraft merged)
    {
        var services = merged.Services;
        if (DependencyOrder.Sort(services.Keys.ToArray(), name => services[name].DependsOn.Keys, out var cycle) is null)
            throw services[cycle[0]].DependsOn[cycle[1]].Place.Error(DependencyOrder.CycleProblem(cycle));
    }

    private static string Known(IEnumerable<string> names) =>
        names.Any() ? $"; declared: {string.Join(", ", names)}" : "";
}
