namespace Greenlight.Core.Deployments;

/// <summary>
/// CodeDeploy's rollbackInfo: on a failed or stopped deployment, the rollback it triggered; on a rollback
/// deployment, the deployment it rolls back; and a message saying what happened or why it could not.
/// <see cref="AwaitingDeployment"/> is true between asking for the rollback deployment and hearing its id.
/// </summary>
public sealed record RollbackInfo(string? RollbackDeploymentId, string? RollbackTriggeringDeploymentId, string RollbackMessage, bool AwaitingDeployment = false);
