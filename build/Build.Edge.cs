using Slipway.Deploy;
using Slipway.Deploy.Edge;
using Slipway.Docker;
using Slipway.Engine;

/// <summary>Zero-downtime switching: the edge in front of each environment with a public port, health gates, drain.</summary>
partial class Build
{
    [Parameter("Put published ports behind the environment's nginx edge and switch releases blue/green without a gap; false: containers publish their ports and are replaced stop-then-start")]
    readonly bool UseEdge = true;

    [Parameter("Pause between HTTP probes of a new release's --health-path over the edge's network")]
    readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(500);

    [Parameter("How long the old release keeps finishing its requests after the edge switched away from it")]
    readonly TimeSpan DrainTime = TimeSpan.FromSeconds(5);

    [Parameter("Stopped releases kept per service; a rollback starts one again instead of creating it")]
    readonly int KeepStopped = 1;

    [Parameter("RestartEdge: reload (no gap), recreate or upgrade (a gap of about a second whenever the container is recreated)")]
    readonly string EdgeAction = "reload";

    /// <summary>How releases switch (health gates, edge, drain): the same for deploys and rollbacks.</summary>
    DeployRequest Switching(DeployRequest request) => request with
    {
        HealthTimeout = HealthTimeout, UseEdge = UseEdge, HealthPath = HealthPath, ProbeInterval = ProbeInterval,
        DrainTime = DrainTime, KeepStopped = KeepStopped, EdgeBaseImage = BaseImageReference,
    };

    async Task RestartEdgeAsync()
    {
        var environment = Environments.Require(Env);
        Func<EdgeProxy, Task<EdgeRestartResult>> restart = EdgeAction switch
        {
            "reload" => e => e.RestartAsync(EdgeRestartMode.Reload),
            "recreate" => e => e.RestartAsync(EdgeRestartMode.Recreate),
            "upgrade" => e => e.UpgradeAsync(),
            _ => throw new ArgumentException($"unknown --edge-action '{EdgeAction}'; use reload, recreate or upgrade"),
        };
        var project = Deployer.LoadProject(DeployRequestFor(environment, ImageRef.Parse("validation/placeholder:0"), "", ""));
        var spec = EdgeSpec.For(project, BaseImageReference) ?? throw new EdgeException($"{environment} publishes no port, so it has no edge");
        await LockAsync(environment, $"edge {EdgeAction}");
        var result = await restart(new EdgeProxy(await DockerAsync(), spec));
        await (await ReleasesAsync()).RecordAsync(environment, "edge", result.ToString());
    }
}
