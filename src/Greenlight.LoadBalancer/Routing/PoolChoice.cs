using Greenlight.LoadBalancer.Configuration;

namespace Greenlight.LoadBalancer.Routing;

/// <summary>
/// Blue or green for one request. Green gets <c>greenWeight</c> percent (a draw r in [0, 100) below it), blue the rest.
/// A pool whose weight is 0 never gets a request; when the drawn pool has no healthy target, the other one is taken if
/// its weight is above 0. Null: no pool can take the request.
/// </summary>
/// <example>
/// weight 30, both pools healthy: r = 29 → green, r = 30 → blue. weight 30, green empty → blue (no draw needed).
/// weight 0 → blue, green never (even when blue is empty: null). weight 100, green empty → null.
/// </example>
internal static class PoolChoice
{
    public static TargetPool? Choose(int greenWeight, bool blueHealthy, bool greenHealthy, IRandomSource random)
    {
        if (greenWeight <= 0)
        {
            return blueHealthy ? TargetPool.Blue : null;
        }

        if (greenWeight >= 100)
        {
            return greenHealthy ? TargetPool.Green : null;
        }

        if (!blueHealthy || !greenHealthy)
        {
            return greenHealthy ? TargetPool.Green : blueHealthy ? TargetPool.Blue : null;
        }

        return random.Next(100) < greenWeight ? TargetPool.Green : TargetPool.Blue;
    }
}
