using System.Collections.Immutable;
using Greenlight.Core.Fleet;
using Greenlight.LoadBalancer.Status;

namespace Greenlight.Server.Fleet;

/// <summary>
/// The built-in load balancer's verdict on each instance, for the planner's ELB health checks: unhealthy in any target
/// group → false (with those groups' names); healthy in every group where it is checked (Initial, Draining and Unused
/// targets are not) → true; otherwise, or registered nowhere → null.
/// </summary>
public static class LoadBalancerHealth
{
    /// <summary>The verdict for every instance that is a target somewhere, by instance id.</summary>
    public static IReadOnlyDictionary<string, (bool? Healthy, ImmutableArray<string> UnhealthyIn)> Of(IEnumerable<TargetStatus> targets) =>
        targets.GroupBy(t => t.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Verdict(g), StringComparer.Ordinal);

    /// <summary>Facts with the load balancer's verdict on the instance added (unchanged when it is a target nowhere).</summary>
    public static InstanceFacts With(InstanceFacts facts, IReadOnlyDictionary<string, (bool? Healthy, ImmutableArray<string> UnhealthyIn)> verdicts, string instanceId) =>
        verdicts.TryGetValue(instanceId, out var verdict)
            ? facts with { LoadBalancerHealthy = verdict.Healthy, UnhealthyTargetGroups = verdict.UnhealthyIn }
            : facts;

    private static (bool? Healthy, ImmutableArray<string> UnhealthyIn) Verdict(IEnumerable<TargetStatus> targets)
    {
        var list = targets.ToList();
        var unhealthy = list.Where(t => t.State == TargetState.Unhealthy).Select(t => t.TargetGroup).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
        if (!unhealthy.IsEmpty)
        {
            return (false, unhealthy);
        }

        return list.Any(t => t.State == TargetState.Healthy) ? (true, []) : (null, []);
    }
}
