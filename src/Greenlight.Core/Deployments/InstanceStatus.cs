namespace Greenlight.Core.Deployments;

/// <summary>
/// One instance's status in a deployment (CodeDeploy's TargetStatus). <see cref="Ready"/> is a
/// green instance that finished installing and waits for traffic. Succeeded, Failed and Skipped are terminal.
/// </summary>
public enum InstanceStatus
{
    Pending,
    InProgress,
    Ready,
    Succeeded,
    Failed,
    Skipped,
}
