using System.Collections.Immutable;
using System.Globalization;
using Greenlight.Core.Lifecycle;

namespace Greenlight.Core.Batching;

/// <summary>
/// Dry-runs a deployment's instance phase by driving <see cref="BatchPlanner"/> to the end.
/// <para>
/// Assumption: every instance of a batch finishes before the next batch starts (a batch is "all instances
/// <see cref="BatchPlanner.NextToStart"/> returns at once"). Real deployments refill a slot as soon as any instance
/// finishes, so their waves may interleave; the verdict does not depend on it — when a failure stops the deployment,
/// and whether it succeeds, is decided by the counts alone — but the wave boundaries shown here are the idealised ones.
/// </para>
/// </summary>
public static class PlanSimulator
{
    /// <summary>The event at which a failing instance fails, unless told otherwise.</summary>
    public const LifecycleEvent DefaultFailingEvent = LifecycleEvent.ValidateService;

    /// <summary>
    /// Plans <paramref name="instanceCount"/> instances (numbered 1..N in the order the plan takes them) under
    /// <paramref name="config"/>. Instances in <paramref name="failingInstanceNumbers"/> fail at
    /// <paramref name="failingEvent"/> (default ValidateService) if they are attempted.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A failing number is outside 1..N, or the event is not in the scenario.</exception>
    public static DeploymentPlan Run(
        DeploymentConfiguration config,
        int instanceCount,
        IReadOnlyCollection<int> failingInstanceNumbers,
        bool withLoadBalancer,
        LifecycleEvent failingEvent = DefaultFailingEvent)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(failingInstanceNumbers);
        var failing = failingInstanceNumbers.ToHashSet();
        var outOfRange = failing.Where(i => i < 1 || i > instanceCount).ToArray();
        if (outOfRange.Length > 0)
        {
            throw new ArgumentOutOfRangeException(nameof(failingInstanceNumbers), outOfRange[0],
                string.Create(CultureInfo.InvariantCulture, $"Failing instance numbers must be 1..{instanceCount}."));
        }

        var scenario = withLoadBalancer ? LifecycleScenario.InPlaceWithLoadBalancer : LifecycleScenario.InPlace;
        var lifecycle = LifecyclePlans.For(scenario);
        var events = lifecycle.Select(s => s.Event).ToImmutableArray();
        var failIndex = events.IndexOf(failingEvent);
        if (failIndex < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(failingEvent), failingEvent, $"{failingEvent} is not part of {scenario}.");
        }

        var constraints = HealthConstraints.Resolve(config, instanceCount);
        var progress = Enumerable.Repeat(InstanceProgress.Pending, instanceCount).ToArray();
        var batchOf = new int?[instanceCount];
        var batches = ImmutableArray.CreateBuilder<PlannedBatch>();
        for (var starts = BatchPlanner.NextToStart(constraints, progress); !starts.IsEmpty; starts = BatchPlanner.NextToStart(constraints, progress))
        {
            foreach (var i in starts)
            {
                progress[i] = failing.Contains(i + 1) ? InstanceProgress.Failed : InstanceProgress.Succeeded;
                batchOf[i] = batches.Count + 1;
            }

            var failed = starts.Count(i => progress[i] == InstanceProgress.Failed);
            batches.Add(new PlannedBatch(batches.Count + 1, [.. starts.Select(i => i + 1)], starts.Length - failed, failed,
                FleetCounts.Of(progress).Healthy));
        }

        var verdict = BatchPlanner.Verdict(constraints, progress)
            ?? throw new InvalidOperationException("The planner stopped starting instances but reports work remaining.");
        var instances = progress.Select((p, i) => p switch
        {
            InstanceProgress.Succeeded => new PlannedInstance(i + 1, InstanceOutcome.Succeeded, batchOf[i], events, null),
            InstanceProgress.Failed => new PlannedInstance(i + 1, InstanceOutcome.Failed, batchOf[i], events[..(failIndex + 1)], failingEvent),
            _ => new PlannedInstance(i + 1, InstanceOutcome.Skipped, null, [], null),
        });
        return new DeploymentPlan(config, constraints, scenario, lifecycle, batches.ToImmutable(), [.. instances], verdict);
    }
}
