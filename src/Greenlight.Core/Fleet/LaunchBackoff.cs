namespace Greenlight.Core.Fleet;

/// <summary>
/// How long the next launch waits after failed launches in a row: min(base × 2^(n-1), max); no failures, no wait.
/// </summary>
/// <remarks>
/// Worked examples with <see cref="FleetPolicy.Default"/> (base 10s, max 5m), pinned by LaunchBackoffTests:
/// <list type="bullet">
/// <item>0 failures → 0s.</item>
/// <item>1 → 10s; 2 → 20s; 3 → 40s; 4 → 80s; 5 → 160s.</item>
/// <item>6 → 5m: 320s is over the maximum, so the maximum.</item>
/// <item>1,000 → 5m: the doubling stops at the maximum and never overflows.</item>
/// </list>
/// A negative base counts as zero.
/// </remarks>
public static class LaunchBackoff
{
    public static TimeSpan Delay(FleetPolicy policy, int consecutiveFailures)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (consecutiveFailures <= 0 || policy.BackoffBase <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var max = policy.BackoffMax < TimeSpan.Zero ? TimeSpan.Zero : policy.BackoffMax;
        var delay = policy.BackoffBase;
        for (var n = 1; n < consecutiveFailures && delay < max; n++)
        {
            delay = delay.Ticks > max.Ticks / 2 ? max : delay * 2;
        }

        return delay < max ? delay : max;
    }
}
