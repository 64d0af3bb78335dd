using Serilog;
using Slipway.Docker;

namespace Slipway.Deploy;

/// <summary>Replaces a service's container: stop the old one, start the new one, wait until healthy; on failure the old one is started again.</summary>
/// <remarks>A simple replace, with a short gap while the port changes hands; the zero-downtime path is the edge switch.</remarks>
public sealed class ServiceReplacer(ContainerOperations containers, TimeSpan healthTimeout, TimeSpan stopGrace)
{
    /// <summary>Returns false when the running container already matches the spec and nothing was done.</summary>
    public async Task<bool> ReplaceAsync(ContainerSpec spec, CancellationToken ct = default)
    {
        var service = spec.Labels[ComposeLabels.Service];
        var existing = await containers.ListAsync(new Dictionary<string, string>
        {
            [ComposeLabels.Project] = spec.Labels[ComposeLabels.Project],
            [ComposeLabels.Service] = service,
        }, ct);

        if (existing.Count == 1 && existing[0].State == "running"
            && existing[0].Labels.TryGetValue(ComposeLabels.ConfigHash, out var hash) && hash == spec.Labels[ComposeLabels.ConfigHash])
        {
            await new UntilContainerIsHealthy(containers).WaitAsync(existing[0].ID, spec.Name, healthTimeout, ct);
            Log.Information("Service {Service} already runs this release and configuration; nothing to do", service);
            return false;
        }

        var old = existing.Select(c => (c.ID, Name: c.Names.FirstOrDefault()?.TrimStart('/') ?? c.ID)).ToList();
        foreach (var (id, name) in old)
        {
            // Renamed first so the new container can take the canonical name; renamed back if the new one fails.
            await containers.RenameAsync(id, $"{name}-replaced-{ContainerOperations.ShortId(id)}", ct);
            await containers.StopAsync(id, stopGrace, ct);
        }

        string? newId = null;
        try
        {
            newId = await containers.CreateAsync(spec, ct);
            await containers.StartAsync(newId, ct);
            await new UntilContainerIsHealthy(containers).WaitAsync(newId, spec.Name, healthTimeout, ct);
        }
        catch
        {
            if (newId is not null) await containers.RemoveAsync(newId, CancellationToken.None);
            await RestoreAsync(old, CancellationToken.None);
            throw;
        }

        foreach (var (id, _) in old) await containers.RemoveAsync(id, ct);
        Log.Information("Service {Service} now runs {Image} in {Container} ({Id})", service, spec.Image, spec.Name, ContainerOperations.ShortId(newId));
        return true;
    }

    async Task RestoreAsync(IReadOnlyList<(string Id, string Name)> old, CancellationToken ct)
    {
        foreach (var (id, name) in old)
        {
            try
            {
                await containers.RenameAsync(id, name, ct);
                await containers.StartAsync(id, ct);
                Log.Warning("Restarted the previous container {Container}", name);
            }
            catch (Exception e)
            {
                Log.Error("Could not restart the previous container {Container}: {Error}", name, e.Message);
            }
        }
    }
}
