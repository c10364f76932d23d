namespace Greenlight.Core.Batching;

/// <summary>The fleet-level result of a deployment's instance phase.</summary>
public enum FleetOutcome
{
    Succeeded,
    Failed,
}
