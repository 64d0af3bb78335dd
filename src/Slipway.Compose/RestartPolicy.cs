namespace Slipway.Compose;

/// <summary>When the engine restarts a stopped container; <see cref="MaxRetries"/> only with on-failure.</summary>
public sealed record RestartPolicy(RestartMode Mode, int? MaxRetries = null)
{
    /// <summary>The compose spelling: no, always, on-failure[:n], unless-stopped.</summary>
    public override string ToString() => Mode switch
    {
        RestartMode.No => "no",
        RestartMode.Always => "always",
        RestartMode.UnlessStopped => "unless-stopped",
        _ => MaxRetries is { } max ? $"on-failure:{max}" : "on-failure",
    };
}

public enum RestartMode
{
    No,
    Always,
    OnFailure,
    UnlessStopped,
}
