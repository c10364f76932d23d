namespace Greenlight.Core.Fleet;

public static partial class FleetPlanner
{
    /// <summary>
    /// The earliest moment after now at which a decision could change without new facts: a Pending instance's launch
    /// timeout, an open hook's timeout, the end of an InService instance's grace period or, after it, the first moment
    /// its heartbeat is older than the timeout (one tick past, since the rule is "longer than"), and NextLaunchAt while
    /// launches are held back. Null when nothing is waiting on time.
    /// </summary>
    private static DateTimeOffset? WakeAt(PlannerPass pass, ScalingGroupSpec spec, IReadOnlyDictionary<string, InstanceFacts> facts, FleetPolicy policy)
    {
        var moments = new List<DateTimeOffset>();
        foreach (var instance in pass.Instances)
        {
            if (instance is not null)
            {
                moments.AddRange(Deadlines(instance, FactsOf(facts, instance), spec, policy, pass.Now));
            }
        }

        if (pass.Live + pass.Launched < FleetCapacity.Target(spec) && pass.NextLaunchAt is { } next)
        {
            moments.Add(next);
        }

        var future = moments.Where(m => m > pass.Now).ToList();
        return future.Count == 0 ? null : future.Min();
    }

    private static IEnumerable<DateTimeOffset> Deadlines(FleetInstance instance, InstanceFacts facts, ScalingGroupSpec spec, FleetPolicy policy, DateTimeOffset now)
    {
        switch (instance.State)
        {
            case LifecycleState.Pending:
                return [Moments.After(instance.StateSince, policy.LaunchTimeout)];
            case LifecycleState.PendingWait:
                return OpenHookDeadlines(instance, spec, HookTransition.Launching, now);
            case LifecycleState.TerminatingWait:
                return OpenHookDeadlines(instance, spec, HookTransition.Terminating, now);
            case LifecycleState.InService:
                var graceEnds = Moments.After(instance.LaunchedAt, spec.HealthCheckGracePeriod);
                return now < graceEnds ? [graceEnds]
                    : facts.LastHeartbeat is { } heartbeat ? [Moments.JustAfter(heartbeat, policy.HeartbeatTimeout)]
                    : [];
            case LifecycleState.Terminating:
            case LifecycleState.Terminated:
            default:
                return [];
        }
    }

    private static IEnumerable<DateTimeOffset> OpenHookDeadlines(FleetInstance instance, ScalingGroupSpec spec, HookTransition transition, DateTimeOffset now) =>
        LifecycleHooks.Of(spec, transition)
            .Where(h => LifecycleHooks.Answer(h, instance, now) is null)
            .Select(h => LifecycleHooks.Deadline(h, instance));
}
