namespace Greenlight.Core.Batching;

/// <summary>How a planned instance ends.</summary>
public enum InstanceOutcome
{
    Succeeded,
    Failed,

    /// <summary>Never attempted: the deployment stopped (or could not start) before reaching it.</summary>
    Skipped,
}
