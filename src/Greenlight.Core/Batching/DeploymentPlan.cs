using System.Collections.Immutable;
using Greenlight.Core.Lifecycle;

namespace Greenlight.Core.Batching;

/// <summary>A whole dry-run of a deployment's instance phase, as <see cref="PlanSimulator.Run"/> computes it.</summary>
public sealed record DeploymentPlan(
    DeploymentConfiguration Configuration,
    ResolvedHealth Constraints,
    LifecycleScenario Scenario,
    ImmutableArray<LifecycleStep> Lifecycle,
    ImmutableArray<PlannedBatch> Batches,
    ImmutableArray<PlannedInstance> Instances,
    FleetVerdict Verdict);
