using System.Collections.Immutable;

namespace Greenlight.Core.Fleet;

/// <summary>The planner's answer: the new state, what to do, what to record, and when to decide again at the latest.</summary>
public sealed record ScalingDecision(ScalingState Next, ImmutableArray<FleetAction> Actions, ImmutableArray<ScalingActivityNote> Activities, DateTimeOffset? WakeAt);
