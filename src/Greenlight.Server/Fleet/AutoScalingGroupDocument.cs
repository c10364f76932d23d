using Greenlight.Contracts.V1;
using Greenlight.Core.Fleet;

namespace Greenlight.Server.Fleet;

/// <summary>
/// A scaling group as stored (resource kind <c>auto-scaling-group</c>): what the user asked for, the planner's state,
/// where each instance lives, and the recent activity. One document, written with optimistic concurrency.
/// </summary>
public sealed record AutoScalingGroupDocument(
    string Name,
    LaunchTemplateSpecification LaunchTemplate,
    int MinSize,
    int MaxSize,
    int DesiredCapacity,
    string HealthCheckType,
    int HealthCheckGracePeriod,
    IReadOnlyList<LifecycleHookInfo> Hooks,
    IReadOnlyList<Tag> Tags,
    DateTimeOffset CreatedTime,
    ScalingState State,
    IReadOnlyList<InstancePlacement> Placements,
    IReadOnlyList<ScalingActivity> Activities)
{
    /// <summary>Set by a forced delete: the controller terminates every instance, then removes the group.</summary>
    public bool Deleting { get; init; }

    /// <summary>Target groups its InService instances are registered in; a green fleet has none until its deployment succeeds.</summary>
    public IReadOnlyList<string> TargetGroupNames { get; init; } = [];

    public InstancePlacement? PlacementOf(string instanceId) => Placements.FirstOrDefault(p => p.InstanceId == instanceId);
}

/// <summary>
/// Where an instance lives: its address, the template version it was made from, its agent token, what the
/// provider returned once it started (null until then) or why it could not start. <see cref="CleanedUp"/> is set once a terminated
/// instance's process, registration, credential and address are gone.
/// </summary>
public sealed record InstancePlacement(
    string InstanceId,
    string Address,
    string LaunchTemplateName,
    int LaunchTemplateVersion,
    string Provider,
    LaunchedInstance? Launched = null,
    string? TokenId = null,
    bool CleanedUp = false,
    string? LaunchError = null);
