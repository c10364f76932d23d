using System.Collections.Immutable;

namespace Greenlight.Core.Fleet;

/// <summary>A scaling group's instances and its launch backoff: failures in a row, and when the next launch may start.</summary>
public sealed record ScalingState(ImmutableArray<FleetInstance> Instances, int ConsecutiveLaunchFailures = 0, DateTimeOffset? NextLaunchAt = null)
{
    public static ScalingState Empty { get; } = new([]);
}
