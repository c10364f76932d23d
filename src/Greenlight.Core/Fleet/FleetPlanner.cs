using System.Collections.Immutable;

namespace Greenlight.Core.Fleet;

/// <summary>
/// Decides what a scaling group does next: pure (no clock, no I/O); the shell passes the time and what it saw.
/// The shell calls <see cref="Decide"/> again at once while a decision changes the state.
/// </summary>
public static class FleetPlanner
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
        _ = now;
        return new ScalingDecision(state, ImmutableArray<FleetAction>.Empty, ImmutableArray<ScalingActivityNote>.Empty, null);
    }
}
