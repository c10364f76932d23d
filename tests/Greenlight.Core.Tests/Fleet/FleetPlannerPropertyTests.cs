using CsCheck;
using Greenlight.Core.Fleet;

namespace Greenlight.Core.Tests.Fleet;

/// <summary>
/// Safety properties of <see cref="FleetPlanner"/> over random groups (min 0–3, max up to min+5, desired −1…max+2,
/// up to four hooks of either transition with timeouts 0–300s and either default), random policies, and random
/// sequences of what the world does: time passing (the shell wakes at every WakeAt on the way), heartbeats, agents
/// dying, hooks answered either way, instances marked unhealthy or reported unhealthy by the load balancer (with
/// either health check type), desired capacity changed. "Something bad never
/// happens", checked by <see cref="FleetShell"/> after every decision.
/// </summary>
[Trait("Category", PropertyIterations.Category)]
public sealed class FleetPlannerPropertyTests
{
    internal sealed record Case(ScalingGroupSpec Spec, FleetPolicy Policy, int[] Events)
    {
        public override string ToString() =>
            $"min={Spec.MinSize} max={Spec.MaxSize} desired={Spec.DesiredCapacity} grace={Spec.HealthCheckGracePeriod} check={Spec.HealthCheck} " +
            $"hooks=[{string.Join(", ", Spec.Hooks.Select(h => $"{h.Transition} {h.Name} {h.HeartbeatTimeout} {(h.DefaultContinue ? "continue" : "abandon")}"))}] " +
            $"{Policy} events=[{string.Join(",", Events)}]";
    }

    private static readonly Gen<ScalingHook> Hooks =
        from launching in Gen.Bool
        from timeout in Gen.Int[0, 300]
        from proceed in Gen.Bool
        select new ScalingHook("", launching ? HookTransition.Launching : HookTransition.Terminating, TimeSpan.FromSeconds(timeout), proceed);

    private static readonly Gen<ScalingGroupSpec> Specs =
        from min in Gen.Int[0, 3]
        from extra in Gen.Int[0, 5]
        from desired in Gen.Int[-1, min + extra + 2]
        from grace in Gen.Int[0, 120]
        from hooks in Hooks.Array[0, 4]
        from elb in Gen.Bool
        select new ScalingGroupSpec("web", min, min + extra, desired, 1, TimeSpan.FromSeconds(grace), [.. hooks.Select((h, n) => h with { Name = $"h{n}" })])
        {
            HealthCheck = elb ? HealthCheckType.Elb : HealthCheckType.Agent,
        };

    private static readonly Gen<FleetPolicy> Policies =
        from heartbeat in Gen.Int[5, 60]
        from launch in Gen.Int[10, 300]
        from backoffBase in Gen.Int[0, 30]
        from backoffMax in Gen.Int[0, 600]
        select new FleetPolicy(TimeSpan.FromSeconds(heartbeat), TimeSpan.FromSeconds(launch), TimeSpan.FromSeconds(backoffBase), TimeSpan.FromSeconds(backoffMax));

    internal static readonly Gen<Case> Cases =
        from spec in Specs
        from policy in Policies
        from events in Gen.Int[0, int.MaxValue].Array[0, 60]
        select new Case(spec, policy, events);

    /// <summary>Property 1: live instances plus the ones being launched never exceed MaxSize.</summary>
    [Fact]
    public void Decide_RandomWorld_LiveAndLaunchedNeverExceedMaxSize() =>
        Cases.Sample(c => AssertNone(Run(c), "max:"), iter: PropertyIterations.Long);

    /// <summary>Property 2: a Terminated instance never changes again; an instance is terminated with exactly one TerminateInstance.</summary>
    [Fact]
    public void Decide_RandomWorld_TerminatedInstanceNeverChanges() =>
        Cases.Sample(c =>
        {
            var shell = Run(c);
            AssertNone(shell, "terminated:");
            AssertNone(shell, "actions:");
        }, iter: PropertyIterations.Long);

    /// <summary>
    /// Property 3: a Terminating:Wait instance is terminated no later than its longest termination hook's timeout after
    /// it began waiting, whatever the hooks answer, because WakeAt brings the shell back in time.
    /// </summary>
    [Fact]
    public void Decide_RandomWorld_TerminatingWaitEndsByTheLongestHookTimeout() =>
        Cases.Sample(c => AssertNone(Run(c), "termwait:"), iter: PropertyIterations.Long);

    /// <summary>
    /// Property 4: the same inputs give the same decision; a decision that does nothing returns the same state object;
    /// the shell always comes to rest (a call with no actions) and WakeAt is always in the future.
    /// </summary>
    [Fact]
    public void Decide_RandomWorld_IsDeterministicAndComesToRest() =>
        Cases.Sample(c =>
        {
            var shell = Run(c);
            foreach (var tag in new[] { "determinism:", "idempotence:", "settle:", "wake:", "ids:" })
            {
                AssertNone(shell, tag);
            }
        }, iter: PropertyIterations.Long);

    /// <summary>
    /// Property 5: once the facts are stable (every agent heartbeating and alive, every target healthy, every hook
    /// answered CONTINUE), repeated decisions converge to exactly the target number of InService instances and nothing else running, and stay there.
    /// Hook timeouts are at least 1s here: a hook that times out the moment the wait begins cannot be answered at all
    /// (EC2 requires 30s or more).
    /// </summary>
    [Fact]
    public void Decide_StableFactsAfterRandomWorld_ConvergesToTargetInService() =>
        Cases.Select(AnswerableHooks).Sample(c =>
        {
            var shell = Run(c);
            Assert.True(Stabilize(shell), $"did not converge: {Summary(shell)}");
            for (var round = 0; round < 3; round++)
            {
                StableRound(shell, shell.WakeAt ?? shell.Now.AddSeconds(1));
                Assert.True(IsConverged(shell), $"left the target after converging: {Summary(shell)}");
            }

            Assert.Empty(shell.Violations);
        }, iter: PropertyIterations.Long);

    /// <summary>
    /// Property 6: the load balancer's verdict replaces an instance only with ELB health checks and only after its
    /// grace period (whatever else happens to it meanwhile).
    /// </summary>
    [Fact]
    public void Decide_RandomWorld_LoadBalancerVerdictNeverReplacesWithinGraceOrWithAgentChecks() =>
        Cases.Sample(c => AssertNone(Run(c), "grace:"), iter: PropertyIterations.Long);

    /// <summary>The generator is not degenerate: random worlds reach every lifecycle state and every kind of cause.</summary>
    [Fact]
    public void RandomWorld_Sample_ReachesEveryStateAndCause()
    {
        var seen = new HashSet<string>();
        Cases.Sample(c => seen.UnionWith(Run(c).Seen), iter: 300, seed: "0N0XIzNsQ0O2");

        string[] expected =
        [
            .. Enum.GetNames<LifecycleState>(),
            "desired capacity", "launch failed", "scale-in", "unhealthy", "replacing unhealthy instance i-", "its agent reported",
            "launch hooks continued", "unhealthy: the load balancer reports it unhealthy in target group tg",
        ];
        var missing = expected.Where(e => !seen.Any(s => s.StartsWith(e, StringComparison.Ordinal))).ToList();
        Assert.True(missing.Count == 0, $"never reached: {string.Join(", ", missing)}");
    }

    private static Case AnswerableHooks(Case c) => c with
    {
        Spec = c.Spec with { Hooks = [.. c.Spec.Hooks.Select(h => h with { HeartbeatTimeout = TimeSpan.FromSeconds(Math.Max(1, h.HeartbeatTimeout.TotalSeconds)) })] },
    };

    private static FleetShell Run(Case c)
    {
        var shell = new FleetShell(c.Spec, c.Policy);
        shell.Settle();
        foreach (var e in c.Events)
        {
            Apply(shell, e % 10, e / 10);
        }

        return shell;
    }

    /// <summary>One thing the world does; <paramref name="arg"/> picks which instance, hook, answer or amount.</summary>
    private static void Apply(FleetShell shell, int kind, int arg)
    {
        var running = shell.Running;
        var some = running.Count == 0 ? null : running[arg % running.Count];
        switch (kind)
        {
            case <= 2:
                shell.Advance(TimeSpan.FromMilliseconds(arg % 200_000));
                return;
            case 3:
                running.ForEach(i => shell.Heartbeat(i.InstanceId));
                break;
            case 4 when some is not null:
                shell.Heartbeat(some.InstanceId);
                break;
            case 5 when some is not null:
                shell.Kill(some.InstanceId);
                break;
            case 6 when some is not null && shell.OpenHooks(some).ToList() is { Count: > 0 } hooks:
                shell.Answer(some.InstanceId, hooks[arg / 7 % hooks.Count].Name, arg % 2 == 0);
                break;
            case 7 when some is { State: LifecycleState.InService } && arg % 3 == 0:
                shell.MarkUnhealthy(some.InstanceId);
                break;
            case 7 when some is not null:
                shell.TargetHealth(some.InstanceId, arg % 3 == 1);
                break;
            case 8:
                shell.Spec = shell.Spec with { DesiredCapacity = arg % (shell.Spec.MaxSize + 4) - 1 };
                break;
            case 9:
                AnswerAndHeartbeatAll(shell);
                break;
            default:
                break;
        }

        shell.Settle();
    }

    /// <summary>Rounds of stable facts, moving the clock to each WakeAt, until the group is exactly at its target.</summary>
    private static bool Stabilize(FleetShell shell)
    {
        StableRound(shell, shell.Now);
        for (var round = 0; round < 2_000 && !IsConverged(shell); round++)
        {
            StableRound(shell, shell.WakeAt ?? shell.Now.AddSeconds(1));
        }

        return IsConverged(shell);
    }

    /// <summary>Agents heartbeat continuously in a stable world: they have reported by the time the shell decides.</summary>
    private static void StableRound(FleetShell shell, DateTimeOffset at)
    {
        shell.MoveClock(at);
        AnswerAndHeartbeatAll(shell);
        shell.Settle();
    }

    private static void AnswerAndHeartbeatAll(FleetShell shell)
    {
        foreach (var instance in shell.Running)
        {
            shell.Heartbeat(instance.InstanceId);
            shell.TargetHealth(instance.InstanceId, true);
            foreach (var hook in shell.OpenHooks(instance))
            {
                shell.Answer(instance.InstanceId, hook.Name, true);
            }
        }
    }

    private static bool IsConverged(FleetShell shell) =>
        shell.Running.All(i => i.State == LifecycleState.InService) &&
        shell.Running.Count == FleetCapacity.Target(shell.Spec);

    private static string Summary(FleetShell shell) =>
        $"target {FleetCapacity.Target(shell.Spec)}, running [{string.Join(", ", shell.Running.Select(i => $"{i.InstanceId} {i.State} {i.Reason}"))}], " +
        $"failures {shell.State.ConsecutiveLaunchFailures}, next launch {shell.State.NextLaunchAt:O}, now {shell.Now:O}, wake {shell.WakeAt:O}; " +
        string.Join("; ", shell.Violations);

    private static void AssertNone(FleetShell shell, string tag)
    {
        var broken = shell.Violations.Where(v => v.StartsWith(tag, StringComparison.Ordinal)).ToList();
        Assert.True(broken.Count == 0, string.Join("\n", broken));
    }
}
