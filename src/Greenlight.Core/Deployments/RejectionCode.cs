namespace Greenlight.Core.Deployments;

/// <summary>Why an observation did not apply to the deployment's current state.</summary>
public enum RejectionCode
{
    /// <summary>The deployment already finished; only a rollback's creation is still recorded.</summary>
    DeploymentCompleted,

    /// <summary>The deployment has not started; start it first.</summary>
    NotStarted,

    /// <summary>The deployment already started.</summary>
    AlreadyStarted,

    /// <summary>The instance is not part of this deployment.</summary>
    UnknownInstance,

    /// <summary>The observation names an event, attempt or target that is not the instance's current one (a duplicate or a late report).</summary>
    Stale,

    /// <summary>The observation makes no sense in the current phase (a continue with nothing waiting, say).</summary>
    NotApplicable,

    /// <summary>The alarm is not in this deployment's alarm configuration, or alarms are off for it.</summary>
    AlarmNotWatched,

    /// <summary>The observation's data is invalid (an empty green fleet, say).</summary>
    Invalid,

    /// <summary>Another deployment is active in the deployment group (CodeDeploy's DeploymentLimitExceededException).</summary>
    DeploymentLimitExceeded,
}
