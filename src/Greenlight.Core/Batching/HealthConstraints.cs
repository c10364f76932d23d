using Greenlight.Core.Deployments;

namespace Greenlight.Core.Batching;

/// <summary>
/// Turns a deployment configuration into numbers for one fleet: the exact model of codedeploy-semantics §4.4.
/// </summary>
public static class HealthConstraints
{
    /// <summary>
    /// Resolves <paramref name="config"/> for <paramref name="instanceCount"/> (N) target instances.
    /// <list type="bullet">
    /// <item>HOST_COUNT v → minHealthy = v.</item>
    /// <item>FLEET_PERCENT p → minHealthy = ceil(N × p / 100): a percentage always rounds <b>up</b>
    /// (9 × 40 % = 3.6 → 4; 10 × 95 % = 9.5 → 10; 1 × 50 % = 0.5 → 1).</item>
    /// <item>OneAtATime → minHealthy = N − 1 and cap 1 (so a failure on the last instance is tolerated).</item>
    /// <item>Otherwise cap (max in flight) = N − minHealthy.</item>
    /// <item>N = 0 → invalid, <see cref="DeploymentErrorCode.NoInstances"/>.</item>
    /// <item>Not OneAtATime and minHealthy ≥ N → invalid before touching any instance,
    /// <see cref="DeploymentErrorCode.HealthConstraintsInvalid"/> (cap reported as 0).</item>
    /// </list>
    /// Worked examples (10 instances): HOST_COUNT 9 → 1 at a time; HOST_COUNT 8 → 2 at a time; HOST_COUNT 0 → all 10;
    /// FLEET_PERCENT 95 → min 10 → HEALTH_CONSTRAINTS_INVALID. Nine instances: HOST_COUNT 6 → 3 at a time, needs 6;
    /// FLEET_PERCENT 40 → min 4, 5 at a time, needs 4; HalfAtATime → min 5, 4 at a time, needs 5. AllAtOnce → all N
    /// at once, needs 1. OneAtATime on 1 instance → min 0, cap 1, that instance must succeed (needs 1).
    /// A single-instance HalfAtATime (min 1 ≥ 1) is rejected with HEALTH_CONSTRAINTS_INVALID (an open point in AWS's docs).
    /// </summary>
    public static ResolvedHealth Resolve(DeploymentConfiguration config, int instanceCount)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentOutOfRangeException.ThrowIfNegative(instanceCount);
        var n = instanceCount;
        if (n == 0)
        {
            return new(0, MinHealthyFor(config, 0), 0, config.IsOneAtATime, DeploymentErrorCode.NoInstances);
        }

        var min = MinHealthyFor(config, n);
        if (config.IsOneAtATime)
        {
            return new(n, min, 1, IsOneAtATime: true, Invalid: null);
        }

        return min >= n
            ? new(n, min, 0, IsOneAtATime: false, DeploymentErrorCode.HealthConstraintsInvalid)
            : new(n, min, n - min, IsOneAtATime: false, Invalid: null);
    }

    /// <summary>The minimum healthy count for N instances, before any validity check. Percentages round up.</summary>
    public static int MinHealthyFor(DeploymentConfiguration config, int instanceCount)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.IsOneAtATime)
        {
            return Math.Max(instanceCount - 1, 0);
        }

        var m = config.MinimumHealthyHosts;
        return m.Type == MinimumHealthyHostsType.HostCount
            ? m.Value
            : (int)(((long)instanceCount * m.Value + 99) / 100);
    }
}
