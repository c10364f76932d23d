using System.Collections.Immutable;
using Greenlight.Core.Lifecycle;

namespace Greenlight.Core.Batching;

/// <summary>
/// One instance of a dry-run plan (numbered from 1 in the order the plan takes them): its outcome, its batch, and
/// the lifecycle events it runs. A failed instance runs events up to and including <see cref="FailedAt"/>; a skipped
/// instance runs none.
/// </summary>
public sealed record PlannedInstance(
    int Number, InstanceOutcome Outcome, int? BatchNumber, ImmutableArray<LifecycleEvent> EventsRun, LifecycleEvent? FailedAt);
