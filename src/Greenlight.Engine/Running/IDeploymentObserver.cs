using Greenlight.Core.Deployments;

namespace Greenlight.Engine.Running;

/// <summary>Where ports and the API report what happened to a deployment.</summary>
public interface IDeploymentObserver
{
    Task<ObserveResult> ObserveAsync(string deploymentId, Observation observation, CancellationToken cancellationToken);
}

/// <summary>What became of an observation: applied (with the new status), rejected with a reason, or the deployment does not exist.</summary>
public sealed record ObserveResult(bool Found, Rejection? Rejection, DeploymentStatus? Status)
{
    public static ObserveResult NotFound { get; } = new(false, null, null);

    public bool Applied => Found && Rejection is null;
}
