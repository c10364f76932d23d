using System.Collections.Immutable;

namespace Greenlight.Core.Deployments;

/// <summary>
/// Where a blue/green deployment's replacement (green) instances come from: a copy of the blue auto scaling
/// group built from a launch template version, or instances that already exist.
/// </summary>
public sealed record GreenFleetSource(string? AutoScalingGroup, string? LaunchTemplateVersion, int Count, ImmutableArray<string> ExistingInstances)
{
    public static GreenFleetSource CopyAutoScalingGroup(string group, string launchTemplateVersion, int count) =>
        new(group, launchTemplateVersion, count, []);

    public static GreenFleetSource DiscoverExisting(IEnumerable<string> instances) =>
        new(null, null, 0, [.. instances]);

    public bool IsExisting => AutoScalingGroup is null;
}
