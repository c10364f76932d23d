namespace Greenlight.Core.Deployments;

/// <summary>The events that can trigger an automatic rollback.</summary>
public enum AutoRollbackEvent
{
    DeploymentFailure,
    DeploymentStopOnAlarm,
    DeploymentStopOnRequest,
}
