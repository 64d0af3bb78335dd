namespace Slipway.Compose;

/// <summary>The state a dependency must reach before a service starts.</summary>
public enum DependencyCondition
{
    ServiceStarted,
    ServiceHealthy,
    ServiceCompletedSuccessfully,
}
