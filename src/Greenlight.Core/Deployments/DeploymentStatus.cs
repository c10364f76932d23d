namespace Greenlight.Core.Deployments;

/// <summary>CodeDeploy's deployment statuses.</summary>
public enum DeploymentStatus
{
    Created,
    Queued,
    InProgress,
    Baking,
    Ready,
    Succeeded,
    Failed,
    Stopped,
}

public static class DeploymentStatusExtensions
{
    public static bool IsTerminal(this DeploymentStatus status) =>
        status is DeploymentStatus.Succeeded or DeploymentStatus.Failed or DeploymentStatus.Stopped;
}
