using System.Collections.Immutable;

namespace Greenlight.Core.Fleet;

/// <summary>
/// What a scaling group is asked to be: capacity bounds and target, the launch template version new instances get,
/// the grace period before a new instance's health counts, and its lifecycle hooks (the user's and those deployment
/// groups install).
/// </summary>
public sealed record ScalingGroupSpec(
    string Name,
    int MinSize,
    int MaxSize,
    int DesiredCapacity,
    int LaunchTemplateVersion,
    TimeSpan HealthCheckGracePeriod,
    ImmutableArray<ScalingHook> Hooks);
