namespace Greenlight.Core.Deployments;

/// <summary>A lifecycle event's status on one instance (CodeDeploy's LifecycleEventStatus).</summary>
public enum EventStatus
{
    Pending,
    InProgress,
    Succeeded,
    Failed,
    Skipped,
}
