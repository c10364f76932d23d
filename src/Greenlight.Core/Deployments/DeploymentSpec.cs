using System.Collections.Immutable;
using Greenlight.Core.Alarms;
using Greenlight.Core.Batching;

namespace Greenlight.Core.Deployments;

/// <summary>
/// Everything fixed when a deployment is created. For in-place and auto scaling kinds
/// <see cref="Instances"/> are the targets; for blue/green they are the original (blue) instances; for a
/// blue/green rollback they are the originals and <see cref="Replacements"/> the green instances to retire.
/// </summary>
public sealed record DeploymentSpec(
    string DeploymentId,
    string Revision,
    DeploymentKind Kind,
    DeploymentConfiguration Configuration,
    ImmutableArray<TargetInstance> Instances)
{
    public DeploymentCreator Creator { get; init; } = DeploymentCreator.User;

    /// <summary>The group's last known-good revision (what a rollback redeploys); null if it has none.</summary>
    public string? LastKnownGoodRevision { get; init; }

    /// <summary>In-place only: take instances out of the load balancer around the install.</summary>
    public bool WithTrafficControl { get; init; }

    public bool IgnoreApplicationStopFailures { get; init; }

    /// <summary>What Install does with a file it did not put there: DISALLOW (default), OVERWRITE or RETAIN; the appspec's value overrides it.</summary>
    public string FileExistsBehavior { get; init; } = "DISALLOW";

    public AlarmConfiguration Alarms { get; init; } = AlarmConfiguration.None;

    public AutoRollbackConfiguration AutoRollback { get; init; } = AutoRollbackConfiguration.Disabled;

    public BlueGreenOptions? BlueGreen { get; init; }

    public ImmutableArray<TargetInstance> Replacements { get; init; } = [];

    /// <summary>On a rollback deployment: the deployment whose failure or stop it rolls back.</summary>
    public string? RollbackTriggeringDeploymentId { get; init; }

    /// <summary>Alarms are watched this long after the last step before the revision counts as known-good.</summary>
    public TimeSpan WatchWindow { get; init; } = TimeSpan.Zero;

    /// <summary>Update instances launched during the deployment with a follow-up deployment (not IGNORE).</summary>
    public bool UpdateOutdatedInstances { get; init; } = true;

    public DeploymentTimeouts Timeouts { get; init; } = DeploymentTimeouts.Default;

    /// <summary>Rollback, launch and termination deployments do not stop on alarms nor roll back themselves.</summary>
    public bool IsRecovery => Creator is DeploymentCreator.Rollback or DeploymentCreator.AutoScaling or DeploymentCreator.AutoScalingTermination;
}
