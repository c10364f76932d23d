using Greenlight.Core.Fleet;
using static Greenlight.Core.Tests.Fleet.FleetScenario;

namespace Greenlight.Core.Tests.Fleet;

/// <summary>
/// Terminating runs the termination hooks (t1 60s ABANDON, t2 120s CONTINUE) unless the launch failed or the agent is
/// gone; Terminating:Wait ends when every hook answered either way or timed out, or at once when the agent is gone.
/// </summary>
public sealed class TerminationRulesTests
{
    private const string TwoTerminationHooks = "terminate t1 60 abandon; terminate t2 120 continue; launch a 30 abandon";

    [Theory]
    [InlineData("", false, true, LifecycleState.TerminatingWait, "notify(i-1,Terminating)")]
    [InlineData("launch a 30 abandon", false, true, LifecycleState.Terminated, "terminate(i-1)")]
    [InlineData(TwoTerminationHooks, true, true, LifecycleState.Terminated, "terminate(i-1)")]
    [InlineData(TwoTerminationHooks, false, false, LifecycleState.Terminated, "terminate(i-1)")]
    [InlineData(TwoTerminationHooks, false, true, LifecycleState.TerminatingWait, "notify(i-1,Terminating)")]
    public void Decide_Terminating_RunsTerminationHooksOrTerminates(string hooks, bool launchFailed, bool alive, LifecycleState expected, string actions)
    {
        var spec = Spec(desired: 0, hooks: hooks.Length == 0 ? TwoTerminationHooks : hooks);
        var terminating = Instance("i-1", LifecycleState.Terminating) with { Reason = "scale-in: desired capacity 0", LaunchFailed = launchFailed };

        var decision = DecideOne(spec, terminating, Heard(0, alive), 5);

        var next = decision.Only("i-1");
        Assert.Equal(expected, next.State);
        Assert.Equal(actions, decision.Actions.Show());
        Assert.Equal("scale-in: desired capacity 0", next.Reason);
        Assert.Equal(At(5), next.StateSince);
        if (expected == LifecycleState.Terminated)
        {
            Assert.Equal(new TerminateInstance("i-1", "scale-in: desired capacity 0"), decision.Actions.Single());
        }
    }

    [Theory]
    [InlineData("", 0, true, LifecycleState.TerminatingWait)]
    [InlineData("t1=true", 0, true, LifecycleState.TerminatingWait)]
    [InlineData("t1=false,t2=true", 0, true, LifecycleState.Terminated)]
    [InlineData("t1=false,t2=false", 0, true, LifecycleState.Terminated)]
    [InlineData("t1=true", 119, true, LifecycleState.TerminatingWait)]
    [InlineData("t1=true", 120, true, LifecycleState.Terminated)]
    [InlineData("t2=true", 60, true, LifecycleState.Terminated)]
    [InlineData("", 119, true, LifecycleState.TerminatingWait)]
    [InlineData("", 120, true, LifecycleState.Terminated)]
    [InlineData("", 0, false, LifecycleState.Terminated)]
    [InlineData("a=true", 0, true, LifecycleState.TerminatingWait)]
    public void Decide_TerminatingWait_EndsWhenEveryHookAnsweredOrTimedOut(string results, double now, bool alive, LifecycleState expected)
    {
        var waiting = Instance("i-1", LifecycleState.TerminatingWait, results: results) with { Reason = "unhealthy: marked unhealthy" };

        var decision = DecideOne(Spec(desired: 0, hooks: TwoTerminationHooks), waiting, Heard(now, alive), now);

        Assert.Equal(expected, decision.Only("i-1").State);
        Assert.Equal(expected == LifecycleState.Terminated ? "terminate(i-1)" : "", decision.Actions.Show());
    }

    [Fact]
    public void Decide_TerminatingWaitAfterHooksRemoved_Terminates() =>
        Assert.Equal(LifecycleState.Terminated,
            DecideOne(Spec(desired: 0), Instance("i-1", LifecycleState.TerminatingWait), Heard(0), 1).Only("i-1").State);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Decide_Terminated_NeverChanges(bool alive)
    {
        var gone = Instance("i-1", LifecycleState.Terminated, results: "t1=true") with { Unhealthy = true, Reason = "r" };

        var decision = DecideOne(Spec(desired: 1, hooks: TwoTerminationHooks), gone, Heard(0, alive), 10_000);

        Assert.Same(gone, decision.Only("i-1"));
        Assert.Equal("launch(1)", decision.Actions.Show());
    }
}
