namespace Slipway.Compose;

/// <summary>A container health check; null fields keep the image's values.</summary>
/// <param name="Test">["CMD", program, args...], ["CMD-SHELL", command] or ["NONE"]; null keeps the image's test.</param>
/// <param name="Disabled">True for <c>disable: true</c> or a ["NONE"] test.</param>
public sealed record HealthcheckSpec(
    IReadOnlyList<string>? Test,
    TimeSpan? Interval,
    TimeSpan? Timeout,
    int? Retries,
    TimeSpan? StartPeriod,
    bool Disabled);
