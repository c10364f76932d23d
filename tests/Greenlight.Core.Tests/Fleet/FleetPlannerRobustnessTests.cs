using System.Collections.Immutable;
using CsCheck;
using Greenlight.Core.Fleet;

namespace Greenlight.Core.Tests.Fleet;

/// <summary>
/// <see cref="FleetPlanner.Decide"/> never throws, whatever it is given: any mix of instance states (and values outside
/// the enum), duplicate or missing ids, facts for some instances only, times and timeouts at the ends of their ranges,
/// negative or inverted capacities, default arrays. And even then it keeps the invariants that need no sane input, and
/// its output stays the size of its input (a launch of int.MaxValue instances is one action and one note).
/// </summary>
[Trait("Category", PropertyIterations.Category)]
public sealed class FleetPlannerRobustnessTests
{
    private static readonly Gen<DateTimeOffset> Times = Gen.Frequency(
        (6, Gen.Int[-86_400, 86_400].Select(s => FleetScenario.T0.AddSeconds(s))),
        (1, Gen.Int[-600, 600].Select(s => new DateTimeOffset(FleetScenario.T0.AddSeconds(s).DateTime, TimeSpan.FromHours(2)))),
        (1, Gen.OneOfConst(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, DateTimeOffset.MinValue.AddSeconds(1), DateTimeOffset.MaxValue.AddSeconds(-1))));

    private static readonly Gen<TimeSpan> Spans = Gen.Frequency(
        (6, Gen.Int[-60, 600].Select(s => TimeSpan.FromSeconds(s))),
        (1, Gen.OneOfConst(TimeSpan.Zero, TimeSpan.MinValue, TimeSpan.MaxValue, TimeSpan.FromTicks(1))));

    private static readonly Gen<int> Counts = Gen.Frequency((8, Gen.Int[-3, 12]), (1, Gen.OneOfConst(int.MinValue, int.MaxValue)));

    private static readonly Gen<string?> Ids = Gen.Frequency((20, Gen.Int[0, 7].Select(n => (string?)$"i-{n}")), (1, Gen.Const((string?)null)));

    private static readonly Gen<string> HookNames = Gen.OneOfConst("h0", "h1", "h2", "x");

    private static readonly Gen<ScalingHook> Hooks =
        from name in HookNames
        from transition in Gen.Int[0, 2]
        from timeout in Spans
        from proceed in Gen.Bool
        select new ScalingHook(name, (HookTransition)transition, timeout, proceed);

    private static readonly Gen<FleetInstance?> Instances = Gen.Frequency(
        (30,
            from id in Ids
            from state in Gen.Int[0, 6]
            from version in Counts
            from launched in Times
            from since in Times
            from results in Gen.Select(HookNames, Gen.Bool).Array[0, 3]
            from unhealthy in Gen.Bool
            from launchFailed in Gen.Bool
            from reason in Gen.OneOfConst(null, "why")
            select (FleetInstance?)new FleetInstance(id!, (LifecycleState)state, version, launched, since)
            {
                HookResults = results.DistinctBy(r => r.Item1).ToImmutableDictionary(r => r.Item1, r => r.Item2),
                Unhealthy = unhealthy,
                LaunchFailed = launchFailed,
                Reason = reason,
            }),
        (1, Gen.Const((FleetInstance?)null)));

    private static readonly Gen<(ScalingGroupSpec Spec, ScalingState State, Dictionary<string, InstanceFacts> Facts, FleetPolicy Policy, DateTimeOffset Now)> Inputs =
        from min in Counts
        from max in Counts
        from desired in Counts
        from grace in Spans
        from hooks in Gen.Frequency((8, Hooks.Array[0, 4].Select(h => h.ToImmutableArray())), (1, Gen.Const(default(ImmutableArray<ScalingHook>))))
        from instances in Gen.Frequency((8, Instances.Array[0, 8].Select(i => i.ToImmutableArray())), (1, Gen.Const(default(ImmutableArray<FleetInstance?>))))
        from failures in Counts
        from nextLaunch in Gen.Frequency((2, Gen.Const((DateTimeOffset?)null)), (1, Times.Select(t => (DateTimeOffset?)t)))
        from facts in Gen.Select(Gen.Int[0, 7], Gen.Frequency((3, Times.Select(t => (DateTimeOffset?)t)), (1, Gen.Const((DateTimeOffset?)null))), Gen.Bool).Array[0, 8]
        from policy in Gen.Select(Spans, Spans, Spans, Spans, (h, l, b, m) => new FleetPolicy(h, l, b, m))
        from now in Times
        select (
            new ScalingGroupSpec("web", min, max, desired, 1, grace, hooks),
            new ScalingState(instances.IsDefault ? default : [.. instances.Select(i => i!)], failures, nextLaunch),
            facts.DistinctBy(f => f.Item1).ToDictionary(f => $"i-{f.Item1}", f => new InstanceFacts(f.Item2, f.Item3)),
            policy,
            now);

    [Fact]
    public void Decide_ArbitraryInput_NeverThrowsAndKeepsInputFreeInvariants() =>
        Inputs.Sample(input =>
        {
            var (spec, state, facts, policy, now) = input;

            var decision = FleetPlanner.Decide(spec, state, facts, policy, now);

            var before = state.Instances.IsDefault ? [] : state.Instances;
            var after = decision.Next.Instances.IsDefault ? [] : decision.Next.Instances;
            Assert.Equal(before.Select(i => i?.InstanceId), after.Select(i => i?.InstanceId));
            for (var n = 0; n < before.Length; n++)
            {
                if (before[n] is { State: LifecycleState.Terminated })
                {
                    Assert.Same(before[n], after[n]);
                }
            }

            Assert.True(decision.Activities.Length <= (2 * before.Length) + 1, $"{decision.Activities.Length} notes for {before.Length} instances");
            Assert.True(decision.Actions.Length <= before.Length + 1, $"{decision.Actions.Length} actions for {before.Length} instances");
            Assert.True(decision.WakeAt is null || decision.WakeAt > now, $"WakeAt {decision.WakeAt:O} not after {now:O}");
            var launched = decision.Actions.OfType<LaunchInstances>().Sum(l => l.Count);
            var live = after.Count(i => i is not null && FleetCapacity.IsLive(i.State));
            Assert.True(launched == 0 || live + launched <= spec.MaxSize, $"{live} live + {launched} launched > {spec.MaxSize}");
            Assert.Equal(FleetShell.Describe(decision), FleetShell.Describe(FleetPlanner.Decide(spec, state, facts, policy, now)));
        }, iter: PropertyIterations.Long * 3);
}
