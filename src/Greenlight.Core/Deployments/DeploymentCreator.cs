namespace Greenlight.Core.Deployments;

/// <summary>Who created a deployment (CodeDeploy's DeploymentCreator).</summary>
public enum DeploymentCreator
{
    User,
    AutoScaling,
    AutoScalingTermination,
    Rollback,
    AutoUpdate,
}
