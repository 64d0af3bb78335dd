namespace Slipway.Engine;

/// <summary>Where a planned target stands; targets without actions are Collective.</summary>
public enum ExecutionStatus
{
    Scheduled,
    NotRun,
    Skipped,
    Running,
    Succeeded,
    Failed,
    Collective,
}
