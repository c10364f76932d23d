namespace Greenlight.Core.Deployments;

/// <summary>
/// Whether a new deployment may start in a deployment group: one active deployment per group at a time
/// (a second is refused with <c>DeploymentLimitExceeded</c>; queueing comes later). Auto scaling launch and
/// termination deployments are exempt, as in CodeDeploy: each launched instance gets its own deployment,
/// even while a user deployment runs.
/// </summary>
/// <remarks>
/// Examples (pinned by DeploymentAdmissionTests): nothing active → admitted; a user deployment d-1
/// InProgress → a new user deployment is refused naming d-1; a launch deployment is admitted beside it;
/// d-1 Succeeded → admitted.
/// </remarks>
public static class DeploymentAdmission
{
    public static Rejection? Admit(DeploymentKind kind, IEnumerable<ActiveDeployment> groupDeployments)
    {
        if (kind is DeploymentKind.AutoScalingLaunch or DeploymentKind.AutoScalingTermination)
        {
            return null;
        }

        var blocking = groupDeployments.FirstOrDefault(d =>
            !d.Status.IsTerminal() && d.Kind is not (DeploymentKind.AutoScalingLaunch or DeploymentKind.AutoScalingTermination));
        return blocking is null
            ? null
            : new Rejection(RejectionCode.DeploymentLimitExceeded,
                $"deployment {blocking.DeploymentId} is {blocking.Status} in this deployment group; wait for it, or stop it first");
    }
}

/// <summary>A deployment of the group, as far as admission cares.</summary>
public sealed record ActiveDeployment(string DeploymentId, DeploymentKind Kind, DeploymentStatus Status);
