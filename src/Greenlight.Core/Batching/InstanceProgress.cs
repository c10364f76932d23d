namespace Greenlight.Core.Batching;

/// <summary>Where one target instance is in a deployment, as the batch planner sees it.</summary>
public enum InstanceProgress
{
    /// <summary>Not attempted yet. Counts as healthy. If it stays Pending at the end it was never attempted (Skipped).</summary>
    Pending,

    /// <summary>Being deployed to. Counts as not healthy while in flight.</summary>
    InFlight,

    /// <summary>Deployed successfully. Counts as healthy.</summary>
    Succeeded,

    /// <summary>Failed (a failed lifecycle event, a timeout, a stopped instance). Counts as not healthy.</summary>
    Failed,
}
