using Greenlight.Contracts.V1;
using Greenlight.Core.Fleet;

namespace Greenlight.Server.Fleet;

/// <summary>The API's view of a stored scaling group.</summary>
public static class AutoScalingViews
{
    public static AutoScalingGroupInfo Info(AutoScalingGroupDocument doc, IEnumerable<LifecycleHookInfo> managedHooks) => new(
        doc.Name,
        doc.LaunchTemplate,
        doc.MinSize,
        doc.MaxSize,
        doc.DesiredCapacity,
        doc.HealthCheckType,
        doc.HealthCheckGracePeriod,
        [.. doc.Hooks, .. managedHooks],
        Instances(doc),
        doc.Tags,
        doc.CreatedTime)
    {
        TargetGroupNames = doc.TargetGroupNames,
    };

    public static IReadOnlyList<AutoScalingInstanceInfo> Instances(AutoScalingGroupDocument doc) =>
    [
        .. doc.State.Instances.Select(i =>
        {
            var placement = doc.PlacementOf(i.InstanceId);
            return new AutoScalingInstanceInfo(
                i.InstanceId,
                doc.Name,
                StateName(i.State),
                i.Unhealthy || i.State is LifecycleState.Terminating or LifecycleState.TerminatingWait or LifecycleState.Terminated && i.Reason?.StartsWith("unhealthy", StringComparison.Ordinal) == true
                    ? "Unhealthy"
                    : "Healthy",
                placement?.LaunchTemplateName ?? doc.LaunchTemplate.LaunchTemplateName ?? "",
                (placement?.LaunchTemplateVersion ?? i.LaunchTemplateVersion).ToString(System.Globalization.CultureInfo.InvariantCulture),
                placement?.Address,
                i.LaunchedAt,
                i.Reason);
        }),
    ];

    /// <summary>EC2 Auto Scaling's spelling: Pending:Wait, Terminating:Wait.</summary>
    public static string StateName(LifecycleState state) => state switch
    {
        LifecycleState.PendingWait => "Pending:Wait",
        LifecycleState.TerminatingWait => "Terminating:Wait",
        _ => state.ToString(),
    };
}
