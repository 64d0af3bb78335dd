using Docker.DotNet;
using Serilog;
using Slipway.Docker;

namespace Slipway.Deploy.Previews;

/// <summary>The second line of defence after comparing endpoints: two endpoints that differ as text (a tcp:// address and a socket,
/// say) may still reach one daemon, so when the prod engine answers, its id must differ from the preview engine's.</summary>
public static class PreviewEngineGuard
{
    public static async Task ThrowIfProdAsync(IDockerClient preview, PreviewEnvironment environment, string? prodEndpoint, CancellationToken ct = default)
    {
        IDockerClient prod;
        try
        {
            prod = await DockerConnection.ConnectAsync(prodEndpoint, ct);
        }
        catch (DockerUnavailableException e)
        {
            // Usual for a runner that may only reach the sandbox: then it cannot be the same engine either.
            Log.Debug("The prod engine {Endpoint} does not answer from here ({Reason}); the preview engine cannot be it", e.Endpoint, e.Message);
            return;
        }
        using (prod)
        {
            var previewId = (await preview.System.GetSystemInfoAsync(ct)).ID;
            var prodId = (await prod.System.GetSystemInfoAsync(ct)).ID;
            if (previewId == prodId)
                throw new PreviewException($"refusing to use {environment.DockerEndpoint} for previews: it reaches the same Docker engine as prod ({DockerConnection.ResolveEndpoint(prodEndpoint)}, engine id {previewId}); point --preview-docker-host at a separate engine");
        }
    }
}
