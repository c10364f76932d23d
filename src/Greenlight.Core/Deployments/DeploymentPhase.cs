namespace Greenlight.Core.Deployments;

/// <summary>Where in its flow a deployment is. docs/deployment-lifecycle.md draws the transitions.</summary>
public enum DeploymentPhase
{
    NotStarted,

    /// <summary>In-place, launch and termination kinds: instances run their plans in batches.</summary>
    Installing,

    /// <summary>Blue/green: waiting for the green fleet to be created.</summary>
    ProvisioningGreen,

    /// <summary>Blue/green: installing on green, without traffic.</summary>
    InstallingGreen,

    /// <summary>Blue/green: green installed; waiting for a continue (status Ready).</summary>
    WaitingForContinue,

    /// <summary>Blue/green: allow-traffic events on green (registered at weight 0).</summary>
    AllowingGreen,

    /// <summary>Blue/green: moving weights step by step, baking after each.</summary>
    ShiftingTraffic,

    /// <summary>Blue/green: block-traffic events on blue.</summary>
    BlockingBlue,

    /// <summary>Alarms are watched after the last step before the revision counts as known-good.</summary>
    Watching,

    /// <summary>Blue/green: waiting before terminating blue.</summary>
    WaitingToTerminate,

    /// <summary>Blue/green rollback: allow-traffic events on blue.</summary>
    RestoringOriginals,

    /// <summary>Blue/green rollback: block-traffic events on green, then termination.</summary>
    RetiringReplacements,

    Done,
}
