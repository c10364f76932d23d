using System.Collections.Immutable;
using Greenlight.Core.Fleet;

namespace Greenlight.Server.Fleet;

/// <summary>
/// Terminating chosen instances of a scaling group (EC2 Auto Scaling's TerminateInstanceInAutoScalingGroup with
/// ShouldDecrementDesiredCapacity): the instances go Terminating, and the desired capacity (and the minimum, if it would
/// be above) drops by as many, so the group does not launch replacements. The controller does the rest as for any
/// scale-in (termination hooks, then the process and registration go).
/// <code>
/// desired 3, min 3, instances a b c; terminate [b]  →  b Terminating, desired 2, min 2
/// terminate [b] again                               →  nothing (b is no longer live)
/// </code>
/// </summary>
public static class FleetTermination
{
    /// <summary>The instances of <paramref name="instanceIds"/> that are live (Pending, Pending:Wait, InService) in the group.</summary>
    public static IReadOnlyList<string> LiveAmong(AutoScalingGroupDocument doc, IEnumerable<string> instanceIds)
    {
        var wanted = instanceIds.ToHashSet(StringComparer.Ordinal);
        return [.. doc.State.Instances.Where(i => FleetCapacity.IsLive(i.State) && wanted.Contains(i.InstanceId)).Select(i => i.InstanceId)];
    }

    /// <summary>Whether the group has live instances and <paramref name="instanceIds"/> covers every one of them.</summary>
    public static bool CoversAll(AutoScalingGroupDocument doc, IEnumerable<string> instanceIds)
    {
        var live = doc.State.Instances.Where(i => FleetCapacity.IsLive(i.State)).Select(i => i.InstanceId).ToList();
        return live.Count > 0 && LiveAmong(doc, instanceIds).Count == live.Count;
    }

    /// <summary>The group with those instances Terminating and the desired capacity decremented; null when none of them is live.</summary>
    public static AutoScalingGroupDocument? Decrement(AutoScalingGroupDocument doc, IEnumerable<string> instanceIds, string reason, DateTimeOffset now)
    {
        var chosen = LiveAmong(doc, instanceIds).ToHashSet(StringComparer.Ordinal);
        if (chosen.Count == 0)
        {
            return null;
        }

        var desired = Math.Max(0, doc.DesiredCapacity - chosen.Count);
        var instances = doc.State.Instances.Select(i => chosen.Contains(i.InstanceId)
            ? i with { State = LifecycleState.Terminating, StateSince = now, Reason = reason, HookResults = ImmutableDictionary<string, bool>.Empty }
            : i);
        return doc with
        {
            DesiredCapacity = desired,
            MinSize = Math.Min(doc.MinSize, desired),
            State = doc.State with { Instances = [.. instances] },
        };
    }

    /// <summary>A forced delete: every instance is terminated, then the controller removes the group.</summary>
    public static AutoScalingGroupDocument ForceDelete(AutoScalingGroupDocument doc) =>
        doc with { Deleting = true, MinSize = 0, MaxSize = 0, DesiredCapacity = 0 };
}
