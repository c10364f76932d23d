using System.Collections.Immutable;

namespace Greenlight.Core.Batching;

/// <summary>
/// One wave of a dry-run plan: the instances started together, and the healthy capacity (succeeded + not yet
/// attempted) once they have all finished.
/// </summary>
public sealed record PlannedBatch(int Number, ImmutableArray<int> InstanceNumbers, int Succeeded, int Failed, int HealthyAfter);
