using System.Collections.Immutable;

namespace Greenlight.Core.Fleet;

/// <summary>
/// The per-instance rules: at most one move per instance per pass, or null when the instance stays as it is.
/// Every move sets StateSince to now and empties HookResults. A dead agent process is checked first in every state:
/// a launch that died is a failed launch (it counts toward backoff) even if the agent was heard from once. InService
/// health: marked unhealthy, a dead process, a silent agent after the grace period, and with ELB health checks the load
/// balancer's verdict after the grace period.
/// </summary>
internal static class InstanceTransitions
{
    public static InstanceStep? Step(FleetInstance instance, InstanceFacts facts, ScalingGroupSpec spec, FleetPolicy policy, DateTimeOffset now) =>
        instance.State switch
        {
            LifecycleState.Pending => Pending(instance, facts, spec, policy, now),
            LifecycleState.PendingWait => PendingWait(instance, facts, spec, now),
            LifecycleState.InService => InService(instance, facts, spec, policy, now),
            LifecycleState.Terminating => Terminating(instance, facts, spec, now),
            LifecycleState.TerminatingWait => TerminatingWait(instance, facts, spec, now),
            _ => null,
        };

    private static InstanceStep? Pending(FleetInstance instance, InstanceFacts facts, ScalingGroupSpec spec, FleetPolicy policy, DateTimeOffset now)
    {
        if (!facts.ProcessAlive)
        {
            return LaunchFailed(instance, now, "its agent process exited");
        }

        if (facts.LastHeartbeat is not null)
        {
            return LifecycleHooks.Of(spec, HookTransition.Launching) is { IsEmpty: false } hooks
                ? Wait(instance, LifecycleState.PendingWait, HookTransition.Launching, now, $"waiting for launch hooks: {FleetText.Names(hooks.Select(h => h.Name))}")
                : EnterService(instance, now, "its agent reported");
        }

        return now >= Moments.After(instance.StateSince, policy.LaunchTimeout)
            ? LaunchFailed(instance, now, $"its agent did not report within {FleetText.Duration(policy.LaunchTimeout)}")
            : null;
    }

    private static InstanceStep? PendingWait(FleetInstance instance, InstanceFacts facts, ScalingGroupSpec spec, DateTimeOffset now)
    {
        if (!facts.ProcessAlive)
        {
            return LaunchFailed(instance, now, "its agent process exited while waiting for launch hooks");
        }

        var hooks = LifecycleHooks.Of(spec, HookTransition.Launching);
        if (hooks.IsEmpty)
        {
            return EnterService(instance, now, "no launch hooks to wait for");
        }

        if (hooks.FirstOrDefault(h => LifecycleHooks.Answer(h, instance, now) == false) is { } abandoned)
        {
            return LaunchFailed(instance, now, LifecycleHooks.Given(abandoned, instance) is null
                ? $"launch hook {abandoned.Name} timed out after {FleetText.Duration(abandoned.HeartbeatTimeout)} (default ABANDON)"
                : $"launch hook {abandoned.Name} abandoned");
        }

        if (hooks.All(h => LifecycleHooks.Answer(h, instance, now) == true))
        {
            var defaulted = hooks.Where(h => LifecycleHooks.Given(h, instance) is null).Select(h => h.Name).ToList();
            var cause = $"launch hooks continued: {FleetText.Names(hooks.Select(h => h.Name))}";
            return EnterService(instance, now, defaulted.Count == 0 ? cause : $"{cause} ({FleetText.Names(defaulted)} by default after timeout)");
        }

        return null;
    }

    private static InstanceStep? InService(FleetInstance instance, InstanceFacts facts, ScalingGroupSpec spec, FleetPolicy policy, DateTimeOffset now)
    {
        var problem = instance.Unhealthy ? "marked unhealthy"
            : !facts.ProcessAlive ? "its agent process exited"
            : HeartbeatProblem(instance, facts, spec, policy, now) ?? LoadBalancerProblem(instance, facts, spec, now);
        return problem is null ? null : MarkForTermination(instance, now, $"unhealthy: {problem}", launchFailed: false);
    }

    private static string? HeartbeatProblem(FleetInstance instance, InstanceFacts facts, ScalingGroupSpec spec, FleetPolicy policy, DateTimeOffset now)
    {
        if (now < Moments.After(instance.LaunchedAt, spec.HealthCheckGracePeriod))
        {
            return null;
        }

        if (facts.LastHeartbeat is not { } heartbeat)
        {
            return $"no heartbeat since it launched at {FleetText.Clock(instance.LaunchedAt)} (grace period {FleetText.Duration(spec.HealthCheckGracePeriod)})";
        }

        return now > Moments.After(heartbeat, policy.HeartbeatTimeout)
            ? $"no heartbeat since {FleetText.Clock(heartbeat)} (timeout {FleetText.Duration(policy.HeartbeatTimeout)})"
            : null;
    }

    /// <summary>
    /// With ELB health checks, after the grace period: the load balancer reporting the instance unhealthy in a target
    /// group it is registered in (as EC2 Auto Scaling does with its HealthCheckType ELB).
    /// </summary>
    private static string? LoadBalancerProblem(FleetInstance instance, InstanceFacts facts, ScalingGroupSpec spec, DateTimeOffset now)
    {
        if (spec.HealthCheck != HealthCheckType.Elb || facts.LoadBalancerHealthy != false || now < Moments.After(instance.LaunchedAt, spec.HealthCheckGracePeriod))
        {
            return null;
        }

        return facts.UnhealthyTargetGroups switch
        {
            { IsDefaultOrEmpty: true } => "the load balancer reports it unhealthy",
            [var single] => $"the load balancer reports it unhealthy in target group {single}",
            var groups => $"the load balancer reports it unhealthy in target groups {FleetText.Names(groups)}",
        };
    }

    private static InstanceStep Terminating(FleetInstance instance, InstanceFacts facts, ScalingGroupSpec spec, DateTimeOffset now) =>
        instance.LaunchFailed || !facts.ProcessAlive || LifecycleHooks.Of(spec, HookTransition.Terminating).IsEmpty
            ? Terminate(instance, now)
            : Wait(instance, LifecycleState.TerminatingWait, HookTransition.Terminating, now, instance.Reason);

    private static InstanceStep? TerminatingWait(FleetInstance instance, InstanceFacts facts, ScalingGroupSpec spec, DateTimeOffset now) =>
        !facts.ProcessAlive || LifecycleHooks.Of(spec, HookTransition.Terminating).All(h => LifecycleHooks.Answer(h, instance, now) is not null)
            ? Terminate(instance, now)
            : null;

    private static InstanceStep Wait(FleetInstance instance, LifecycleState state, HookTransition transition, DateTimeOffset now, string? reason) =>
        new(Move(instance, state, now) with { Reason = reason }, StepKind.Wait, new NotifyHooks(instance.InstanceId, transition), reason ?? "");

    private static InstanceStep EnterService(FleetInstance instance, DateTimeOffset now, string cause) =>
        new(Move(instance, LifecycleState.InService, now) with { Reason = null }, StepKind.EnteredService, null, cause);

    private static InstanceStep LaunchFailed(FleetInstance instance, DateTimeOffset now, string why) =>
        MarkForTermination(instance, now, $"launch failed: {why}", launchFailed: true);

    internal static InstanceStep MarkForTermination(FleetInstance instance, DateTimeOffset now, string reason, bool launchFailed) =>
        new(Move(instance, LifecycleState.Terminating, now) with { Reason = reason, LaunchFailed = launchFailed }, StepKind.MarkedForTermination, null, reason);

    private static InstanceStep Terminate(FleetInstance instance, DateTimeOffset now)
    {
        var reason = instance.Reason ?? "terminated";
        return new(Move(instance, LifecycleState.Terminated, now), StepKind.Terminated, new TerminateInstance(instance.InstanceId, reason), reason);
    }

    private static FleetInstance Move(FleetInstance instance, LifecycleState state, DateTimeOffset now) =>
        instance with { State = state, StateSince = now, HookResults = ImmutableDictionary<string, bool>.Empty };
}
