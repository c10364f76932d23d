using Greenlight.Core.Deployments;

namespace Greenlight.Engine.Ports;

/// <summary>
/// Builds the specs of deployments the engine starts by itself: rollbacks and follow-ups. The server implements
/// it from the deployment group's configuration. Null means the deployment cannot be created, with a reason.
/// </summary>
public interface IDeploymentFactory
{
    Task<FactoryResult> RollbackAsync(DeploymentRecordView triggering, StartRollbackDeployment command, string deploymentId, CancellationToken cancellationToken);

    Task<FactoryResult> FollowUpAsync(DeploymentRecordView triggering, StartFollowUpDeployment command, string deploymentId, CancellationToken cancellationToken);

    /// <summary>
    /// A deployment ended (Succeeded, Failed or Stopped): record each attempted instance's health and revision, and on
    /// success the group's last known-good revision.
    /// </summary>
    Task DeploymentEndedAsync(DeploymentRecordView deployment, CancellationToken cancellationToken);
}

/// <summary>The parts of a deployment a factory needs.</summary>
public sealed record DeploymentRecordView(string DeploymentId, string Application, string DeploymentGroup, DeploymentState State);

/// <summary>A spec to create, or why none can be.</summary>
public sealed record FactoryResult(DeploymentSpec? Spec, string? Problem)
{
    public static FactoryResult Of(DeploymentSpec spec) => new(spec, null);

    public static FactoryResult Refused(string problem) => new(null, problem);
}
