using System.Globalization;
using Greenlight.Core.Fleet;

namespace Greenlight.Core.Tests.Fleet;

/// <summary>
/// A stand-in for the scaling controller, for property tests: it calls <see cref="FleetPlanner.Decide"/> again while a
/// decision does anything, applies the decisions (LaunchInstances adds Pending instances i-1, i-2, …; a terminated
/// instance is already Terminated in the state), wakes at every WakeAt on its way through time, and records each
/// broken invariant as a line in <see cref="Violations"/> tagged with the invariant's name ("max:", "terminated:", …).
/// </summary>
internal sealed class FleetShell(ScalingGroupSpec spec, FleetPolicy policy)
{
    private readonly Dictionary<string, InstanceFacts> _facts = new(StringComparer.Ordinal);
    private int _lastId;

    public ScalingGroupSpec Spec { get; set; } = spec;

    public ScalingState State { get; private set; } = ScalingState.Empty;

    public DateTimeOffset Now { get; private set; } = FleetScenario.T0;

    public DateTimeOffset? WakeAt { get; private set; }

    public List<string> Violations { get; } = [];

    /// <summary>Every lifecycle state an instance was seen in, and every activity cause, whole and its kind (for the non-degeneracy check).</summary>
    public HashSet<string> Seen { get; } = [];

    public List<FleetInstance> Running => [.. State.Instances.Where(i => i.State != LifecycleState.Terminated)];

    public InstanceFacts FactsOf(string id) => _facts.GetValueOrDefault(id) ?? InstanceFacts.Unknown;

    /// <summary>Lets time pass, deciding at every WakeAt on the way and at the end.</summary>
    public void Advance(TimeSpan by)
    {
        var until = Now + by;
        for (var wakes = 0; WakeAt is { } wake && wake <= until; wakes++)
        {
            if (wakes > 10_000)
            {
                Violations.Add($"wake: more than 10,000 wake-ups before {until:O}");
                return;
            }

            JumpTo(wake);
        }

        JumpTo(until);
    }

    /// <summary>Moves the clock and decides.</summary>
    public void JumpTo(DateTimeOffset moment)
    {
        MoveClock(moment);
        Settle();
    }

    /// <summary>
    /// Moves the clock without deciding. Time may never pass a Terminating:Wait instance's last hook timeout, and
    /// WakeAt is never late: nothing would change at the last moment before it (every rule is monotone in time, so
    /// that moment stands for the whole gap), nor at a moment reached without a wake-up.
    /// </summary>
    public void MoveClock(DateTimeOffset moment)
    {
        var quietUntil = WakeAt is { } wake && wake <= moment ? wake.AddTicks(-1) : moment;
        if (quietUntil > Now)
        {
            var early = FleetPlanner.Decide(Spec, State, _facts, policy, quietUntil);
            if (!early.Actions.IsEmpty || !early.Activities.IsEmpty)
            {
                Violations.Add($"wake: at {quietUntil:O}, before WakeAt {WakeAt:O}, the planner would already act: {string.Join("; ", early.Activities.Select(a => a.Cause))} {early.Actions.Length} actions");
            }
        }

        foreach (var waiting in State.Instances.Where(i => i.State == LifecycleState.TerminatingWait))
        {
            if (TerminationDeadline(waiting) < moment)
            {
                Violations.Add($"termwait: {waiting.InstanceId} waiting since {waiting.StateSince:O} outlived its hooks (deadline {TerminationDeadline(waiting):O}, now {moment:O})");
            }
        }

        Now = moment > Now ? moment : Now;
    }

    public void Heartbeat(string id) => _facts[id] = FactsOf(id) with { LastHeartbeat = Now };

    public void Kill(string id) => _facts[id] = FactsOf(id) with { ProcessAlive = false };

    public void Answer(string id, string hook, bool proceed) =>
        Replace(id, i => i with { HookResults = i.HookResults.SetItem(hook, proceed) });

    public void MarkUnhealthy(string id) => Replace(id, i => i with { Unhealthy = true });

    /// <summary>The load balancer's verdict on the instance changes (unhealthy in target group "tg", or healthy).</summary>
    public void TargetHealth(string id, bool healthy) =>
        _facts[id] = FactsOf(id) with { LoadBalancerHealthy = healthy, UnhealthyTargetGroups = healthy ? [] : ["tg"] };

    /// <summary>The hooks the instance is waiting on now (none unless it is in Pending:Wait or Terminating:Wait).</summary>
    public IEnumerable<ScalingHook> OpenHooks(FleetInstance instance) => instance.State switch
    {
        LifecycleState.PendingWait => Spec.Hooks.Where(h => h.Transition == HookTransition.Launching),
        LifecycleState.TerminatingWait => Spec.Hooks.Where(h => h.Transition == HookTransition.Terminating),
        _ => [],
    };

    /// <summary>Calls Decide until a decision does nothing (and checks that such a decision leaves the state as it was).</summary>
    public void Settle()
    {
        for (var calls = 0; calls < 500; calls++)
        {
            var before = State;
            var decision = FleetPlanner.Decide(Spec, before, _facts, policy, Now);
            Check(before, decision);
            State = decision.Next;
            WakeAt = decision.WakeAt;
            foreach (var launch in decision.Actions.OfType<LaunchInstances>())
            {
                State = State with { Instances = State.Instances.AddRange(Enumerable.Range(0, launch.Count).Select(_ => NewInstance())) };
            }

            Seen.UnionWith(State.Instances.Select(i => i.State.ToString()));
            Seen.UnionWith(decision.Activities.Select(a => a.Cause.Split(':', ',', ';')[0]));
            Seen.UnionWith(decision.Activities.Select(a => a.Cause));
            if (decision.Actions.IsEmpty && decision.Activities.IsEmpty)
            {
                return;
            }
        }

        Violations.Add("settle: still deciding after 500 calls");
    }

    private FleetInstance NewInstance() =>
        new($"i-{++_lastId}", LifecycleState.Pending, Spec.LaunchTemplateVersion, Now, Now);

    private void Replace(string id, Func<FleetInstance, FleetInstance> change) =>
        State = State with { Instances = [.. State.Instances.Select(i => i.InstanceId == id ? change(i) : i)] };

    /// <summary>A Terminating:Wait instance ends by its longest termination hook's timeout (at once without hooks).</summary>
    private DateTimeOffset TerminationDeadline(FleetInstance waiting) =>
        waiting.StateSince + Spec.Hooks.Where(h => h.Transition == HookTransition.Terminating).Select(h => h.HeartbeatTimeout).DefaultIfEmpty(TimeSpan.Zero).Max();

    private void Check(ScalingState before, ScalingDecision decision)
    {
        var next = decision.Next;
        var again = FleetPlanner.Decide(Spec, before, _facts, policy, Now);
        Expect(Describe(again) == Describe(decision), "determinism: the same inputs gave a different decision");
        Expect(next.Instances.Select(i => i.InstanceId).SequenceEqual(before.Instances.Select(i => i.InstanceId)), "ids: the planner added, removed or reordered instances");

        var launched = decision.Actions.OfType<LaunchInstances>().Sum(l => l.Count);
        var live = next.Instances.Count(i => FleetCapacity.IsLive(i.State));
        Expect(live + launched <= Spec.MaxSize, $"max: {live} live + {launched} launched > max size {Spec.MaxSize}");
        Expect(decision.WakeAt is null || decision.WakeAt > Now, $"wake: WakeAt {decision.WakeAt:O} is not after now {Now:O}");
        Expect(!decision.Actions.IsEmpty || !decision.Activities.IsEmpty || ReferenceEquals(before, next), "idempotence: a decision that does nothing changed the state");

        var terminated = new List<string>();
        for (var n = 0; n < before.Instances.Length && n < next.Instances.Length; n++)
        {
            var (was, now) = (before.Instances[n], next.Instances[n]);
            if (was.State == LifecycleState.Terminated)
            {
                Expect(ReferenceEquals(was, now), $"terminated: {was.InstanceId} changed after it was terminated");
            }
            else if (now.State == LifecycleState.Terminated)
            {
                terminated.Add(now.InstanceId);
            }

            if (was.State == LifecycleState.InService && now.State != LifecycleState.InService && now.Reason?.Contains("load balancer", StringComparison.Ordinal) == true)
            {
                Expect(Spec.HealthCheck == HealthCheckType.Elb && Now >= was.LaunchedAt + Spec.HealthCheckGracePeriod,
                    $"grace: {was.InstanceId} replaced for the load balancer's verdict with {Spec.HealthCheck} checks, launched {was.LaunchedAt:O}, grace {Spec.HealthCheckGracePeriod}");
            }

            if (was.State == LifecycleState.TerminatingWait && Now >= TerminationDeadline(was))
            {
                Expect(now.State == LifecycleState.Terminated, $"termwait: {was.InstanceId} still waiting at its deadline");
            }
        }

        var terminateActions = decision.Actions.OfType<TerminateInstance>().Select(t => t.InstanceId).ToList();
        Expect(terminateActions.SequenceEqual(terminated), $"actions: terminated [{string.Join(",", terminated)}] but TerminateInstance [{string.Join(",", terminateActions)}]");
    }

    private void Expect(bool condition, string violation)
    {
        if (!condition)
        {
            Violations.Add($"{violation} (at {Now:O})");
        }
    }

    /// <summary>A decision written out in full, to compare two decisions by value.</summary>
    public static string Describe(ScalingDecision decision)
    {
        var instances = (decision.Next.Instances.IsDefault ? [] : decision.Next.Instances).Select(i => i is null ? "null" : string.Join("|",
            i.InstanceId, i.State, i.LaunchTemplateVersion, i.LaunchedAt.UtcTicks, i.StateSince.UtcTicks, i.Unhealthy, i.Reason, i.LaunchFailed,
            string.Join(",", (i.HookResults ?? []).OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={r.Value}"))));
        return string.Join("\n",
        [
            .. instances,
            string.Create(CultureInfo.InvariantCulture, $"failures={decision.Next.ConsecutiveLaunchFailures} next={decision.Next.NextLaunchAt?.UtcTicks} wake={decision.WakeAt?.UtcTicks}"),
            .. decision.Actions.Select(a => a.ToString()),
            .. decision.Activities.Select(a => a.ToString()),
        ]);
    }
}
