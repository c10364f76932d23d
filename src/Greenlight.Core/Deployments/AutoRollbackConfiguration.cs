using System.Collections.Immutable;

namespace Greenlight.Core.Deployments;

/// <summary>
/// When a failed or stopped deployment rolls back. A deployment may override its group's configuration,
/// including switching rollback off for itself: <see cref="Resolve"/> picks the one in force.
/// </summary>
public sealed record AutoRollbackConfiguration(bool Enabled, ImmutableArray<AutoRollbackEvent> Events)
{
    public static AutoRollbackConfiguration Disabled { get; } = new(false, []);

    public bool RollsBackOn(AutoRollbackEvent trigger) => Enabled && Events.Contains(trigger);

    /// <summary>The deployment's own configuration if it has one, else the group's.</summary>
    public static AutoRollbackConfiguration Resolve(AutoRollbackConfiguration group, AutoRollbackConfiguration? deploymentOverride) =>
        deploymentOverride ?? group;
}
