using System.Collections.Immutable;
using Greenlight.Core.Fleet;
using static Greenlight.Core.Tests.Fleet.FleetScenario;

namespace Greenlight.Core.Tests.Fleet;

/// <summary>The planner as a whole: the worked example on <see cref="FleetPlanner"/>, idempotence, and what every move does.</summary>
public sealed class FleetPlannerTests
{
    [Fact]
    public void Decide_WorkedExample_LaunchesThenServesThenRestsAtTheSameState()
    {
        var spec = Spec(desired: 2, graceSeconds: 60);

        var first = Decide(spec, 0);
        Assert.Equal("launch(2)", first.Actions.Show());
        Assert.Equal([new ScalingActivityNote(null, "Launching 2 new instances", "desired capacity 2, 0 live")], first.Activities.ToArray());
        Assert.Null(first.WakeAt);

        var launched = new ScalingState([Instance("i-1", LifecycleState.Pending), Instance("i-2", LifecycleState.Pending)]);
        var facts = new Dictionary<string, InstanceFacts> { ["i-1"] = Heard(5) };
        var second = Decide(spec, launched, facts, 5);
        Assert.Equal(LifecycleState.InService, second.Only("i-1").State);
        Assert.Equal(LifecycleState.Pending, second.Only("i-2").State);
        Assert.Empty(second.Actions);
        Assert.Equal([new ScalingActivityNote("i-1", "Instance i-1 entered service", "its agent reported")], second.Activities.ToArray());
        Assert.Equal(At(60), second.WakeAt);

        var third = Decide(spec, second.Next, facts, 5);
        Assert.Empty(third.Actions);
        Assert.Empty(third.Activities);
        Assert.Same(second.Next, third.Next);
        Assert.Equal(At(60), third.WakeAt);
    }

    [Fact]
    public void Decide_NothingToDo_ReturnsTheSameStateObject()
    {
        var state = new ScalingState([Instance("i-1", LifecycleState.InService)], ConsecutiveLaunchFailures: 2);

        var decision = Decide(Spec(desired: 1), state, new Dictionary<string, InstanceFacts> { ["i-1"] = Heard(100) }, 110);

        Assert.Same(state, decision.Next);
        Assert.Empty(decision.Actions);
        Assert.Empty(decision.Activities.ToArray());
    }

    [Fact]
    public void Decide_Move_SetsStateSinceToNowAndClearsHookResults()
    {
        var waiting = Instance("i-1", LifecycleState.PendingWait, since: 10, results: "a=true,stale=false");

        var decision = DecideOne(Spec(desired: 1, hooks: "launch a 60 abandon"), waiting, Heard(20), 30);

        var next = decision.Only("i-1");
        Assert.Equal(LifecycleState.InService, next.State);
        Assert.Equal(At(30), next.StateSince);
        Assert.Empty(next.HookResults);
        Assert.Equal(At(0), next.LaunchedAt);
    }

    [Fact]
    public void Decide_InstanceWithoutFacts_CountsAsUnknown()
    {
        var pending = Instance("i-1", LifecycleState.Pending);

        Assert.Equal(LifecycleState.Pending, Decide(Spec(desired: 1), 119, pending).Only("i-1").State);
        Assert.Equal(LifecycleState.Terminating, Decide(Spec(desired: 1), 120, pending).Only("i-1").State);
    }

    [Fact]
    public void Decide_DefaultArrays_AreTreatedAsEmpty()
    {
        var spec = Spec(desired: 1) with { Hooks = default };
        var state = new ScalingState(default(ImmutableArray<FleetInstance>));

        var decision = FleetPlanner.Decide(spec, state, new Dictionary<string, InstanceFacts>(), FleetPolicy.Default, T0);

        Assert.Equal("launch(1)", decision.Actions.Show());
    }

    [Fact]
    public void Decide_SameInputsTwice_GivesEqualDecisions()
    {
        var spec = Spec(desired: 3, hooks: "launch a 60 abandon; terminate t 60 continue");
        var state = new ScalingState(
        [
            Instance("i-1", LifecycleState.Pending), Instance("i-2", LifecycleState.InService, launched: -600),
            Instance("i-3", LifecycleState.Terminating),
        ]);
        var facts = new Dictionary<string, InstanceFacts> { ["i-1"] = Heard(1), ["i-2"] = Heard(-100) };

        var a = Decide(spec, state, facts, 2);
        var b = Decide(spec, state, facts, 2);

        Assert.Equal(a.Actions.ToArray(), b.Actions.ToArray());
        Assert.Equal(a.Activities.ToArray(), b.Activities.ToArray());
        Assert.Equal(a.Next.Instances.Select(i => (i.InstanceId, i.State, i.Reason)), b.Next.Instances.Select(i => (i.InstanceId, i.State, i.Reason)));
        Assert.Equal(a.WakeAt, b.WakeAt);
    }
}
