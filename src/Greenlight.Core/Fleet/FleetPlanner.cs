using System.Collections.Immutable;

namespace Greenlight.Core.Fleet;

/// <summary>
/// Decides what a scaling group does next: pure (no clock, no I/O); the shell passes the time and what it saw.
/// The shell calls <see cref="Decide"/> again at once while a decision changes the state.
/// </summary>
/// <remarks>
/// One call is one pass: first each instance moves at most one step (InstanceTransitions: launch, launch hooks,
/// health, termination hooks), then capacity is settled against the instances still live (scale-in marks some
/// Terminating; a shortfall launches new ones unless launch backoff holds them back). A decision with no actions and
/// no activities returns the very same <see cref="ScalingState"/> object: calling again on an unchanged situation does
/// nothing. Facts missing for an instance count as <see cref="InstanceFacts.Unknown"/>.
/// Worked example (grace period 1m, no hooks, <see cref="FleetPolicy.Default"/>; pinned by FleetPlannerTests):
/// <list type="number">
/// <item>12:00:00, desired 2, no instances → LaunchInstances(2), one note "Launching 2 new instances"
/// ("desired capacity 2, 0 live"), WakeAt null. The shell adds i-1 and i-2 as Pending.</item>
/// <item>12:00:05, i-1's agent has reported → i-1 InService ("its agent reported"); WakeAt 12:01:00, the end of
/// i-1's grace period (before i-2's launch timeout at 12:02:00).</item>
/// <item>12:00:05 again, same facts → no actions, no notes, the same state object.</item>
/// </list>
/// </remarks>
public static partial class FleetPlanner
{
    public static ScalingDecision Decide(
        ScalingGroupSpec spec,
        ScalingState state,
        IReadOnlyDictionary<string, InstanceFacts> facts,
        FleetPolicy policy,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(policy);

        var pass = new PlannerPass(state, now);
        MoveInstances(pass, spec, facts, policy);
        SettleCapacity(pass, spec);

        var next = pass.Changed
            ? new ScalingState([.. pass.Instances], pass.Failures, pass.NextLaunchAt)
            : state;
        return new ScalingDecision(next, pass.Actions.ToImmutable(), pass.Activities.ToImmutable(), WakeAt(pass, spec, facts, policy));
    }

    private static InstanceFacts FactsOf(IReadOnlyDictionary<string, InstanceFacts> facts, FleetInstance instance) =>
        instance.InstanceId is not null && facts.TryGetValue(instance.InstanceId, out var seen) && seen is not null
            ? seen
            : InstanceFacts.Unknown;
}
