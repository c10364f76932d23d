using CsCheck;
using Greenlight.Core.Batching;
using Greenlight.Core.Deployments;

namespace Greenlight.Core.Tests.Batching;

/// <summary>
/// Safety properties of <see cref="BatchPlanner"/>, driven step by step the way the deployment state machine drives it:
/// random fleets (0–60 instances), configurations (predefined, HOST_COUNT 0..N+2, FLEET_PERCENT 0–99), which instances
/// fail, and a random order in which in-flight instances complete (so batches interleave, unlike the simulator).
/// </summary>
public sealed class BatchPlannerPropertyTests
{
    private sealed record Case(DeploymentConfiguration Config, int N, bool[] Fails, int[] CompletionChoices)
    {
        public override string ToString() =>
            $"{Config} N={N} fails=[{string.Join(",", Fails.Select((f, i) => f ? i + 1 : 0).Where(i => i > 0))}] order=[{string.Join(",", CompletionChoices)}]";
    }

    private sealed record Run(ResolvedHealth Constraints, List<string> Violations, InstanceProgress[] Final, FleetVerdict? Verdict, bool[] Attempted);

    private static readonly Gen<Case> Cases =
        from n in Gen.Int[0, 60]
        from config in ConfigFor(n)
        from failPercent in Gen.Int[0, 100]
        from rolls in Gen.Int[0, 99].Array[n]
        from choices in Gen.Int[0, 1000].Array[n]
        select new Case(config, n, [.. rolls.Select(r => r < failPercent)], choices);

    private static Gen<DeploymentConfiguration> ConfigFor(int n) => Gen.Frequency(
        (1, Gen.Const(DeploymentConfiguration.OneAtATime)),
        (1, Gen.Const(DeploymentConfiguration.HalfAtATime)),
        (1, Gen.Const(DeploymentConfiguration.AllAtOnce)),
        (3, Gen.Int[0, n + 2].Select(v => Configs.Custom(MinimumHealthyHosts.HostCount(v)))),
        (3, Gen.Int[0, 99].Select(p => Configs.Custom(MinimumHealthyHosts.FleetPercent(p)))));

    /// <summary>
    /// Property 1, the model's safety invariant (codedeploy-semantics §4.4 rule 1): right after every
    /// <see cref="BatchPlanner.NextToStart"/> that starts anything, <c>N − failed − inFlight ≥ minHealthy</c>, i.e. even
    /// if everything in flight fails the healthy count (succeeded + not attempted) stays at or above the minimum. Since
    /// a completion never lowers N − failed − inFlight, the healthy count N − failed then never drops below minHealthy
    /// at any point. The documented exceptions do not break it in this model: "the group may start below the minimum"
    /// cannot arise (every target counts healthy at the start, and minHealthy ≥ N is rejected up front as
    /// HEALTH_CONSTRAINTS_INVALID), and the last-instance tolerance of OneAtATime follows from minHealthy = N − 1.
    /// Invalid constraints never start anything.
    /// </summary>
    [Fact]
    [Trait("Category", PropertyIterations.Category)]
    public void NextToStart_NeverRisksHealthyBelowMinimum() =>
        Cases.Sample(c =>
        {
            var run = Drive(c);
            Assert.DoesNotContain(run.Violations, v => v.StartsWith("min:", StringComparison.Ordinal));
            if (!run.Constraints.IsValid)
            {
                Assert.DoesNotContain(true, run.Attempted);
            }
        }, iter: PropertyIterations.Long);

    /// <summary>Property 2: the number of instances in flight never exceeds the cap (max in flight).</summary>
    [Fact]
    [Trait("Category", PropertyIterations.Category)]
    public void NextToStart_InFlightNeverExceedsCap() =>
        Cases.Sample(c => Assert.DoesNotContain(Drive(c).Violations, v => v.StartsWith("cap:", StringComparison.Ordinal)),
            iter: PropertyIterations.Long);

    /// <summary>
    /// Property 3: every instance ends in exactly one terminal state — Succeeded or Failed if it was started (exactly
    /// once), Pending (= never attempted, Skipped) otherwise — and nothing is left in flight when the verdict is given.
    /// </summary>
    [Fact]
    [Trait("Category", PropertyIterations.Category)]
    public void Drive_EveryInstanceEndsInOneTerminalState() =>
        Cases.Sample(c =>
        {
            var run = Drive(c);
            Assert.DoesNotContain(run.Violations, v => v.StartsWith("twice:", StringComparison.Ordinal));
            Assert.DoesNotContain(InstanceProgress.InFlight, run.Final);
            for (var i = 0; i < c.N; i++)
            {
                var expected = !run.Attempted[i] ? InstanceProgress.Pending
                    : c.Fails[i] ? InstanceProgress.Failed : InstanceProgress.Succeeded;
                Assert.Equal(expected, run.Final[i]);
            }
        }, iter: PropertyIterations.Long);

    /// <summary>
    /// Property 4: the verdict (null exactly while something is in flight) matches the rule computed here independently:
    /// N = 0 → NO_INSTANCES; not OneAtATime and min ≥ N → HEALTH_CONSTRAINTS_INVALID; some instance never attempted →
    /// HEALTH_CONSTRAINTS; else Succeeded iff succeeded ≥ max(min, 1), otherwise HEALTH_CONSTRAINTS.
    /// </summary>
    [Fact]
    [Trait("Category", PropertyIterations.Category)]
    public void Verdict_MatchesIndependentRule() =>
        Cases.Sample(c =>
        {
            var run = Drive(c);
            Assert.DoesNotContain(run.Violations, v => v.StartsWith("verdict:", StringComparison.Ordinal));
            var (outcome, code) = ExpectedVerdict(c, run.Final);
            Assert.NotNull(run.Verdict);
            Assert.Equal(outcome, run.Verdict.Outcome);
            Assert.Equal(code, run.Verdict.ErrorCode);
        }, iter: PropertyIterations.Long);

    /// <summary>
    /// Property 5: the order in which in-flight instances complete changes neither the verdict nor which instances are
    /// attempted, so <see cref="PlanSimulator"/>'s idealised waves (a batch finishes before the next starts) give the
    /// same outcome as any real interleaving.
    /// </summary>
    [Fact]
    [Trait("Category", PropertyIterations.Category)]
    public void Simulator_AgreesWithAnyCompletionOrder() =>
        Cases.Sample(c =>
        {
            var run = Drive(c);
            var failing = Enumerable.Range(1, c.N).Where(i => c.Fails[i - 1]).ToArray();
            var plan = PlanSimulator.Run(c.Config, c.N, failing, withLoadBalancer: false);
            Assert.Equal(run.Verdict, plan.Verdict);
            Assert.Equal(run.Attempted, plan.Instances.Select(i => i.Outcome != InstanceOutcome.Skipped));
        }, iter: PropertyIterations.Long);

    private static (FleetOutcome, DeploymentErrorCode?) ExpectedVerdict(Case c, InstanceProgress[] final)
    {
        var min = c.Config.IsOneAtATime ? c.N - 1
            : c.Config.MinimumHealthyHosts.Type == MinimumHealthyHostsType.HostCount ? c.Config.MinimumHealthyHosts.Value
            : (int)Math.Ceiling(c.N * c.Config.MinimumHealthyHosts.Value / 100m);
        if (c.N == 0)
        {
            return (FleetOutcome.Failed, DeploymentErrorCode.NoInstances);
        }

        if (!c.Config.IsOneAtATime && min >= c.N)
        {
            return (FleetOutcome.Failed, DeploymentErrorCode.HealthConstraintsInvalid);
        }

        if (final.Contains(InstanceProgress.Pending))
        {
            return (FleetOutcome.Failed, DeploymentErrorCode.HealthConstraints);
        }

        return final.Count(p => p == InstanceProgress.Succeeded) >= Math.Max(min, 1)
            ? (FleetOutcome.Succeeded, null)
            : (FleetOutcome.Failed, DeploymentErrorCode.HealthConstraints);
    }

    /// <summary>Drives the planner to the end, recording any invariant violation as a tagged string.</summary>
    private static Run Drive(Case c)
    {
        var constraints = HealthConstraints.Resolve(c.Config, c.N);
        var progress = Enumerable.Repeat(InstanceProgress.Pending, c.N).ToArray();
        var attempted = new bool[c.N];
        var violations = new List<string>();
        var completions = 0;
        while (true)
        {
            foreach (var i in BatchPlanner.NextToStart(constraints, progress))
            {
                if (progress[i] != InstanceProgress.Pending || attempted[i])
                {
                    violations.Add($"twice: started instance {i + 1} again");
                }

                progress[i] = InstanceProgress.InFlight;
                attempted[i] = true;
            }

            var counts = FleetCounts.Of(progress);
            if (counts.InFlight > 0 && counts.Total - counts.Failed - counts.InFlight < constraints.MinHealthy)
            {
                violations.Add($"min: N-failed-inFlight={counts.Available} < min {constraints.MinHealthy}");
            }

            if (counts.InFlight > constraints.MaxInFlight)
            {
                violations.Add($"cap: inFlight {counts.InFlight} > cap {constraints.MaxInFlight}");
            }

            var verdict = BatchPlanner.Verdict(constraints, progress);
            if (counts.InFlight == 0)
            {
                if (verdict is null)
                {
                    violations.Add("verdict: null with nothing in flight after NextToStart");
                }

                return new Run(constraints, violations, progress, verdict, attempted);
            }

            if (verdict is not null)
            {
                violations.Add("verdict: given while instances are in flight");
            }

            var inFlight = Enumerable.Range(0, c.N).Where(i => progress[i] == InstanceProgress.InFlight).ToArray();
            var done = inFlight[c.CompletionChoices[completions++ % c.N] % inFlight.Length];
            progress[done] = c.Fails[done] ? InstanceProgress.Failed : InstanceProgress.Succeeded;
        }
    }
}
