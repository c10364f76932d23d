using System.Collections.Immutable;
using System.Globalization;
using Greenlight.Core.Deployments;

namespace Greenlight.Core.Batching;

/// <summary>
/// The incremental batch planner (codedeploy-semantics §4.4). The deployment state machine calls it on every
/// observation with each instance's progress, in scheduling order (<see cref="SchedulingOrder"/>); it never keeps state.
/// <para>
/// Model: available = N − failed − inFlight (succeeded plus not yet attempted: what stays healthy even if everything
/// in flight fails). Start the next pending instance while inFlight &lt; cap and available − 1 ≥ minHealthy.
/// When nothing is in flight and nothing more may start, the instance phase is over: if an instance was never
/// attempted the deployment failed (HEALTH_CONSTRAINTS); otherwise it succeeded iff succeeded ≥ max(minHealthy, 1).
/// </para>
/// Consequences: with 10 instances and min 9 (or OneAtATime), a failure on instances 1–9 stops the deployment but a
/// failure on instance 10 still succeeds (9 ≥ 9); with min 8, the second failure stops it unless it is on the last instance.
/// </summary>
public static class BatchPlanner
{
    /// <summary>
    /// Indices (into <paramref name="progressInSchedulingOrder"/>) of the pending instances to start now, first ones
    /// first. Empty when the constraints are invalid, the cap is reached, or starting one more could take the healthy
    /// count below the minimum.
    /// </summary>
    public static ImmutableArray<int> NextToStart(ResolvedHealth constraints, IReadOnlyList<InstanceProgress> progressInSchedulingOrder)
    {
        var counts = CountChecked(constraints, progressInSchedulingOrder);
        if (!constraints.IsValid)
        {
            return [];
        }

        var inFlight = counts.InFlight;
        var available = counts.Available;
        var starts = ImmutableArray.CreateBuilder<int>();
        for (var i = 0; i < progressInSchedulingOrder.Count && CanStartOneMore(constraints, inFlight, available); i++)
        {
            if (progressInSchedulingOrder[i] == InstanceProgress.Pending)
            {
                starts.Add(i);
                inFlight++;
                available--;
            }
        }

        return starts.ToImmutable();
    }

    /// <summary>
    /// The verdict once the instance phase is over, or null while work remains (something in flight, or something may
    /// still start). Invalid constraints give their error at once (NO_INSTANCES, HEALTH_CONSTRAINTS_INVALID).
    /// </summary>
    public static FleetVerdict? Verdict(ResolvedHealth constraints, IReadOnlyList<InstanceProgress> progressInSchedulingOrder)
    {
        var c = CountChecked(constraints, progressInSchedulingOrder);
        var min = constraints.MinHealthy;
        switch (constraints.Invalid)
        {
            case DeploymentErrorCode.NoInstances:
                return FleetVerdict.Failure(DeploymentErrorCode.NoInstances, "no instances to deploy to");
            case { } invalid:
                return FleetVerdict.Failure(invalid, Format(
                    $"minimum {min} ≥ {constraints.InstanceCount} instances: cannot deploy without dropping below the minimum"));
        }

        if (c.InFlight > 0 || (c.Pending > 0 && CanStartOneMore(constraints, c.InFlight, c.Available)))
        {
            return null;
        }

        if (c.Pending > 0)
        {
            return FleetVerdict.Failure(DeploymentErrorCode.HealthConstraints, Format(
                $"{c.Pending} {Instances(c.Pending)} never attempted: healthy capacity {c.Healthy} would drop below minimum {min}"));
        }

        var required = constraints.RequiredSuccesses;
        return c.Succeeded >= required
            ? FleetVerdict.Success(Format($"healthy {c.Succeeded} ≥ {Required(constraints)} {required}"))
            : FleetVerdict.Failure(DeploymentErrorCode.HealthConstraints,
                Format($"healthy {c.Succeeded} < {Required(constraints)} {required}"));
    }

    private static bool CanStartOneMore(ResolvedHealth constraints, int inFlight, int available) =>
        inFlight < constraints.MaxInFlight && available - 1 >= constraints.MinHealthy;

    private static string Required(ResolvedHealth constraints) => constraints.MinHealthy >= 1 ? "minimum" : "at least";

    private static string Instances(int count) => count == 1 ? "instance" : "instances";

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static FleetCounts CountChecked(ResolvedHealth constraints, IReadOnlyList<InstanceProgress> progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (progress.Count != constraints.InstanceCount)
        {
            throw new ArgumentException(
                Format($"Progress has {progress.Count} instances but the constraints were resolved for {constraints.InstanceCount}."),
                nameof(progress));
        }

        return FleetCounts.Of(progress);
    }
}
