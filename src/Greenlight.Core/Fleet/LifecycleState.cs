namespace Greenlight.Core.Fleet;

/// <summary>An auto scaling instance's lifecycle state (EC2 Auto Scaling's names, shown as Pending:Wait etc.).</summary>
public enum LifecycleState
{
    /// <summary>Launched; its agent has not been heard from yet.</summary>
    Pending,

    /// <summary>Its agent is up; launch hooks (e.g. the launch deployment of the last good revision) have not all answered.</summary>
    PendingWait,

    InService,

    /// <summary>Chosen for termination (scale-in, unhealthy, failed launch).</summary>
    Terminating,

    /// <summary>Termination hooks (e.g. a termination deployment) have not all answered.</summary>
    TerminatingWait,

    Terminated,
}
