namespace Greenlight.Core.Batching;

/// <summary>
/// An instance's health as it decides scheduling order (codedeploy-semantics §4.3): instance-unhealthy first, then
/// Unknown revision (never installed successfully), then Old revision, then Current. Member order is scheduling order.
/// </summary>
public enum RevisionHealth
{
    /// <summary>Instance health Unhealthy: its last deployment failed, or it was never deployed to.</summary>
    Unhealthy,

    /// <summary>Revision health Unknown: no revision was ever installed successfully.</summary>
    Unknown,

    /// <summary>Revision health Old: has an older revision than the group's last successful one.</summary>
    Old,

    /// <summary>Revision health Current: already has the group's last successful revision.</summary>
    Current,
}
