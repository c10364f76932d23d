namespace Greenlight.Core.Lifecycle;

/// <summary>The situations that decide which lifecycle events an instance runs, and in what order (codedeploy-semantics §2.2).</summary>
public enum LifecycleScenario
{
    /// <summary>In-place deployment, no load balancer in the deployment group (also its rollback).</summary>
    InPlace,

    /// <summary>In-place deployment with a CLB/ALB/NLB in the deployment group (also its rollback).</summary>
    InPlaceWithLoadBalancer,

    /// <summary>Blue/green: a replacement (green) instance; the allow-traffic events run at reroute time.</summary>
    BlueGreenReplacement,

    /// <summary>Blue/green: an original (blue) instance, taken out of the load balancer.</summary>
    BlueGreenOriginal,

    /// <summary>Blue/green rollback: an original instance put back into the load balancer.</summary>
    BlueGreenRollbackOriginal,

    /// <summary>Blue/green rollback: a replacement instance taken out of the load balancer.</summary>
    BlueGreenRollbackReplacement,

    /// <summary>Auto Scaling launch deployment to a new instance.</summary>
    AutoScalingLaunch,

    /// <summary>Auto Scaling termination deployment (scale-in, only with a termination hook); nothing is installed.</summary>
    AutoScalingTermination,
}
