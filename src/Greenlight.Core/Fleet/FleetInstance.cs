using System.Collections.Immutable;

namespace Greenlight.Core.Fleet;

/// <summary>
/// One instance of a scaling group as the planner sees it. <see cref="HookResults"/> holds the answers given to the
/// hooks of the current wait (hook name → continue); it is emptied whenever the instance enters a new state.
/// <see cref="Unhealthy"/> is set by a user (SetInstanceHealth) or another source of health (the load balancer).
/// </summary>
public sealed record FleetInstance(
    string InstanceId,
    LifecycleState State,
    int LaunchTemplateVersion,
    DateTimeOffset LaunchedAt,
    DateTimeOffset StateSince)
{
    public ImmutableDictionary<string, bool> HookResults { get; init; } = ImmutableDictionary<string, bool>.Empty;

    public bool Unhealthy { get; init; }

    /// <summary>Why the instance is in its state (e.g. why it is being terminated).</summary>
    public string? Reason { get; init; }

    /// <summary>True when the instance is being terminated because its launch failed (it counts toward launch backoff).</summary>
    public bool LaunchFailed { get; init; }
}
