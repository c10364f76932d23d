using CsCheck;
using Greenlight.Core.Batching;
using Greenlight.Core.Deployments;

namespace Greenlight.Core.Tests.Deployments;

/// <summary>
/// Safety properties over random deployments and random worlds (duplicates, late reports, instance loss,
/// alarms and stops at any moment, time jumps). "Something bad never happens", checked after every decision.
/// </summary>
[Trait("Category", PropertyIterations.Category)]
public sealed class DeploymentMachinePropertyTests
{
    private static readonly Gen<(int Kind, int Hosts, int Config, int Options, int[] Choices)> Worlds =
        Gen.Select(Gen.Int[0, 1], Gen.Int[0, 8], Gen.Int[0, 5], Gen.Int[0, 2047], Gen.Int[0, 10_000].Array[1, 400]);

    [Fact]
    public void Decide_RandomWorld_KeepsEveryInvariant() =>
        Worlds.Sample(w => Run(RandomWorld.Spec(w.Kind, w.Hosts, w.Config, w.Options), w.Choices), iter: PropertyIterations.Long);

    /// <summary>The generator is not degenerate: random worlds reach every ending and the traffic phases.</summary>
    [Fact]
    public void RandomWorld_Sample_ReachesEveryOutcomeAndTrafficShifting()
    {
        var endings = new HashSet<DeploymentStatus>();
        var phases = new HashSet<DeploymentPhase>();
        Worlds.Sample(w =>
        {
            var (status, seen) = Run(RandomWorld.Spec(w.Kind, w.Hosts, w.Config, w.Options), w.Choices);
            endings.Add(status);
            phases.UnionWith(seen);
        }, iter: 400, seed: "0N0XIzNsQ0O2");

        Assert.Equal([DeploymentStatus.Succeeded, DeploymentStatus.Failed, DeploymentStatus.Stopped], endings.Order());
        Assert.True(new[] { DeploymentPhase.ShiftingTraffic, DeploymentPhase.BlockingBlue, DeploymentPhase.Watching, DeploymentPhase.WaitingForContinue }.All(phases.Contains), string.Join(",", phases));
    }

    private static (DeploymentStatus Status, HashSet<DeploymentPhase> Phases) Run(DeploymentSpec spec, int[] choices)
    {
        var phases = new HashSet<DeploymentPhase>();
        var state = DeploymentState.Create(spec);
        var now = MachineDriver.T0;
        var history = new List<Observation>();
        var lastGreen = 0;

        Apply(new StartRequested());
        foreach (var choice in choices)
        {
            if (state.Status.IsTerminal())
            {
                break;
            }

            var (observation, delay) = RandomWorld.Pick(RandomWorld.Candidates(state, history, now), choice);
            now += delay;
            Apply(observation);
        }

        // Liveness: with nothing but the passing of time, every deployment ends.
        for (var i = 0; i < 500 && !state.Status.IsTerminal(); i++)
        {
            var wake = DeploymentMachine.WakeAt(state);
            Assert.True(wake is not null, $"deployment stuck without a wake-up in phase {state.Phase}: {state.Reason}");
            now = wake > now ? wake.Value : now;
            Apply(new Tick());
        }

        Assert.True(state.Status.IsTerminal(), $"not terminal after time passed: {state.Phase} {state.Reason}");
        Assert.All(state.Instances, i => Assert.True(i.IsTerminal, $"{i.InstanceId} ended {i.Status}"));
        return (state.Status, phases);

        void Apply(Observation observation)
        {
            var decision = DeploymentMachine.Decide(state, observation, now);

            // Determinism: the same inputs give the same decision.
            Assert.Equal(DecisionJson.Of(decision), DecisionJson.Of(DeploymentMachine.Decide(state, observation, now)));

            // Idempotence: the same observation again changes nothing.
            if (decision.Rejection is null)
            {
                var replay = DeploymentMachine.Decide(decision.Next, observation, now);
                Assert.True(replay.IsRejected, $"replaying {observation} was accepted again");
                Assert.Same(decision.Next, replay.Next);
                Assert.Empty(replay.Commands);
            }
            else
            {
                Assert.Same(state, decision.Next);
                Assert.Empty(decision.Commands);
            }

            CheckInvariants(state, decision, ref lastGreen);
            history.Add(observation);
            state = decision.Next;
            phases.Add(state.Phase);
        }
    }

    private static void CheckInvariants(DeploymentState before, Decision decision, ref int lastGreen)
    {
        var next = decision.Next;

        // Minimum healthy hosts: an instance is only started when the wave can afford it.
        foreach (var role in new[] { InstanceRole.Target, InstanceRole.Replacement })
        {
            var wave = RandomWorld.Wave(next, role);
            var started = wave.Count(i => next.Instances[i].Status == InstanceStatus.InProgress &&
                                          before.Instances.Length > i && before.Instances[i].Status == InstanceStatus.Pending);
            if (started == 0 || wave.Length == 0)
            {
                continue;
            }

            var c = HealthConstraints.Resolve(next.Spec.Configuration, wave.Length);
            var failed = wave.Count(i => next.Instances[i].Status == InstanceStatus.Failed);
            var inFlight = wave.Count(i => next.Instances[i].Status == InstanceStatus.InProgress);
            Assert.True(inFlight <= c.MaxInFlight, $"{inFlight} in flight exceeds the cap {c.MaxInFlight}");
            Assert.True(wave.Length - failed - inFlight >= c.MinHealthy,
                $"started {started}: healthy capacity {wave.Length - failed - inFlight} < minimum {c.MinHealthy}");
        }

        // Weights always sum to 100 and only move forward, except when rolling back to blue.
        foreach (var weights in decision.Commands.OfType<SetTrafficWeights>())
        {
            Assert.Equal(100, weights.BlueWeight + weights.GreenWeight);
            Assert.InRange(weights.GreenWeight, 0, 100);
            var rollback = weights.Key.EndsWith("/rollback", StringComparison.Ordinal) || weights.Key.EndsWith("/restore", StringComparison.Ordinal);
            if (rollback)
            {
                Assert.Equal(0, weights.GreenWeight);
            }
            else
            {
                Assert.True(weights.GreenWeight > lastGreen, $"green weight moved from {lastGreen} to {weights.GreenWeight}");
                lastGreen = weights.GreenWeight;
            }
        }

        // A failed or stopped deployment never issues new install or traffic-allowing commands.
        if (next.Status is DeploymentStatus.Failed or DeploymentStatus.Stopped)
        {
            Assert.DoesNotContain(decision.Commands, c => c is RunLifecycleEvent or RegisterTarget or ProvisionGreenFleet);
            Assert.All(next.Instances, i => Assert.True(i.IsTerminal, $"{i.InstanceId} left {i.Status}"));
        }

        // Every command is keyed, and no key repeats within a decision.
        Assert.All(decision.Commands, c => Assert.False(string.IsNullOrEmpty(c.Key)));
        Assert.Equal(decision.Commands.Length, decision.Commands.Select(c => c.Key).Distinct().Count());

        // Every state explains itself.
        Assert.False(string.IsNullOrWhiteSpace(next.Reason));
    }
}
