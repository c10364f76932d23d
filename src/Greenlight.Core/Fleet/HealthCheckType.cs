namespace Greenlight.Core.Fleet;

/// <summary>Which health checks count for an InService instance once its grace period is over (EC2 Auto Scaling's HealthCheckType).</summary>
public enum HealthCheckType
{
    /// <summary>The agent's heartbeat and process only.</summary>
    Agent,

    /// <summary>The agent's as well as the load balancer's: unhealthy in any target group it is registered in counts too.</summary>
    Elb,
}
