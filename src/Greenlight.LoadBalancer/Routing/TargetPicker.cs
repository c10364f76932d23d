using Greenlight.LoadBalancer.Configuration;
using Greenlight.LoadBalancer.Targets;

namespace Greenlight.LoadBalancer.Routing;

/// <summary>
/// Picks the target of one request in a group's route: the pool (<see cref="PoolChoice"/>), then a healthy target of it by
/// the group's algorithm. Round robin: the group's counter, incremented per request, modulo the pool's size. Least
/// outstanding requests: the fewest in flight, ties to the first in order. Null: no healthy target.
/// </summary>
internal static class TargetPicker
{
    public static TargetRuntime? Pick(GroupRoute group, IRandomSource random)
    {
        var pool = PoolChoice.Choose(group.GreenWeight, group.Blue.Length > 0, group.Green.Length > 0, random);
        if (pool is null)
        {
            return null;
        }

        var targets = pool == TargetPool.Green ? group.Green : group.Blue;
        return group.Algorithm == BalancingAlgorithm.LeastOutstandingRequests
            ? LeastOutstanding(targets)
            : targets[(int)(group.Counter.Next() % (uint)targets.Length)];
    }

    public static TargetRuntime LeastOutstanding(TargetRuntime[] targets)
    {
        var best = targets[0];
        var fewest = best.InFlight;
        for (var i = 1; i < targets.Length; i++)
        {
            var inFlight = targets[i].InFlight;
            if (inFlight < fewest)
            {
                best = targets[i];
                fewest = inFlight;
            }
        }

        return best;
    }
}
