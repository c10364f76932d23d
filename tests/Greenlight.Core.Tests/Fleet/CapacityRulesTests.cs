using Greenlight.Core.Fleet;
using static Greenlight.Core.Tests.Fleet.FleetScenario;

namespace Greenlight.Core.Tests.Fleet;

/// <summary>Capacity: live (Pending, Pending:Wait, InService) is brought to clamp(desired, min, max).</summary>
public sealed class CapacityRulesTests
{
    [Theory]
    [InlineData(4, 0, 10, 3, "launch(1)")]
    [InlineData(9, 0, 5, 3, "launch(2)")]
    [InlineData(0, 4, 10, 3, "launch(1)")]
    [InlineData(3, 0, 10, 3, "")]
    [InlineData(5, 0, 3, 3, "")]
    [InlineData(6, 0, 10, 0, "launch(6)")]
    public void Decide_BelowTarget_LaunchesTheDifferenceUpToMax(int desired, int min, int max, int inService, string actions)
    {
        var state = new ScalingState([.. Enumerable.Range(1, inService).Select(n => Instance($"i-{n}", LifecycleState.InService))]);
        var facts = state.Instances.ToDictionary(i => i.InstanceId, _ => Heard(10));

        var decision = Decide(Spec(desired, min, max), state, facts, 20);

        Assert.Equal(actions, decision.Actions.Show());
    }

    [Fact]
    public void Decide_HugeShortfall_IsOneActionAndOneNote()
    {
        var decision = Decide(Spec(desired: int.MaxValue, max: int.MaxValue), 0);

        Assert.Equal([new LaunchInstances(int.MaxValue)], decision.Actions.ToArray());
        Assert.Equal([new ScalingActivityNote(null, "Launching 2147483647 new instances", "desired capacity 2147483647, 0 live")], decision.Activities.ToArray());
    }

    [Fact]
    public void Decide_BelowTarget_NotesTheCapacityAndLiveCount()
    {
        var state = new ScalingState([Instance("i-1", LifecycleState.Pending), Instance("i-2", LifecycleState.PendingWait), Instance("i-3", LifecycleState.Terminating)]);

        var decision = Decide(Spec(desired: 9, max: 3, hooks: "launch a 60 abandon"), state, new Dictionary<string, InstanceFacts>(), 1);

        Assert.Equal("terminate(i-3) launch(1)", decision.Actions.Show());
        Assert.Equal("desired capacity 9 (max size 3), 2 live", decision.Activities.Single().Cause);
    }

    [Fact]
    public void Decide_AboveTarget_TerminatesInScaleInOrder()
    {
        var state = new ScalingState(
        [
            Instance("a", LifecycleState.InService, launched: -3600, version: 2),
            Instance("b", LifecycleState.InService, launched: -1800, version: 1),
            Instance("c", LifecycleState.PendingWait, since: -10, launched: -20),
            Instance("d", LifecycleState.InService, launched: -7200, version: 1),
            Instance("e", LifecycleState.Pending, since: -5, launched: -5),
            Instance("f", LifecycleState.Terminating),
        ]);
        var facts = state.Instances.ToDictionary(i => i.InstanceId, i => i.State == LifecycleState.InService ? Heard(-1) : Silent());

        var decision = Decide(Spec(desired: 1, hooks: "launch h 600 abandon"), state, facts, 0);

        Assert.Equal(["e", "c", "d", "b"], decision.Activities.Select(a => a.InstanceId));
        Assert.All(decision.Activities, a => Assert.Equal("scale-in: desired capacity 1", a.Cause));
        Assert.Equal(LifecycleState.InService, decision.Only("a").State);
        Assert.Equal(LifecycleState.Terminated, decision.Only("f").State);
        Assert.Equal("scale-in: desired capacity 1", decision.Only("d").Reason);
        Assert.False(decision.Only("e").LaunchFailed);
    }

    [Fact]
    public void Decide_AboveTargetWhileTheFirstChoiceMoves_TerminatesItOnTheNextCall()
    {
        var spec = Spec(desired: 1, hooks: "launch h 600 abandon");
        var state = new ScalingState([Instance("i-1", LifecycleState.Pending), Instance("i-2", LifecycleState.InService, launched: -600)]);
        var facts = new Dictionary<string, InstanceFacts> { ["i-1"] = Heard(1), ["i-2"] = Heard(1) };

        var first = Decide(spec, state, facts, 2);
        Assert.Equal("notify(i-1,Launching)", first.Actions.Show());
        Assert.Equal(LifecycleState.InService, first.Only("i-2").State);

        var second = Decide(spec, first.Next, facts, 2);
        Assert.Equal(LifecycleState.Terminating, second.Only("i-1").State);
        Assert.Equal(LifecycleState.InService, second.Only("i-2").State);
    }

    [Fact]
    public void Decide_JustTerminating_DoesNotCountAsLive()
    {
        var state = new ScalingState([Instance("i-1", LifecycleState.InService) with { Unhealthy = true }]);

        var decision = Decide(Spec(desired: 1), state, new Dictionary<string, InstanceFacts> { ["i-1"] = Heard(5) }, 5);

        Assert.Equal(LifecycleState.Terminating, decision.Only("i-1").State);
        Assert.Equal("launch(1)", decision.Actions.Show());
    }
}
