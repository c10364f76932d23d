using Greenlight.Core.Fleet;
using static Greenlight.Core.Tests.Fleet.FleetScenario;

namespace Greenlight.Core.Tests.Fleet;

/// <summary>Pending: the agent reports (→ Pending:Wait or InService), or the launch fails (dead process, launch timeout 2m).</summary>
public sealed class PendingRulesTests
{
    [Theory]
    [InlineData(10.0, true, "", LifecycleState.InService, "", "")]
    [InlineData(10.0, true, "launch a 60 abandon", LifecycleState.PendingWait, "notify(i-1,Launching)", "waiting for launch hooks: a")]
    [InlineData(10.0, true, "terminate t 60 abandon", LifecycleState.InService, "", "")]
    [InlineData(null, true, "", LifecycleState.Pending, "", "")]
    [InlineData(null, false, "", LifecycleState.Terminating, "", "launch failed: its agent process exited")]
    [InlineData(10.0, false, "launch a 60 abandon", LifecycleState.Terminating, "", "launch failed: its agent process exited")]
    public void Decide_PendingAt20s_FollowsItsAgent(double? heardAt, bool alive, string hooks, LifecycleState expected, string actions, string reason)
    {
        var facts = new InstanceFacts(heardAt is { } h ? At(h) : null, alive);

        var decision = DecideOne(Spec(desired: 1, hooks: hooks), Instance("i-1", LifecycleState.Pending), facts, 20);

        var next = decision.Only("i-1");
        Assert.Equal(expected, next.State);
        Assert.Equal(actions, decision.Actions.Show());
        Assert.Equal(reason, next.Reason ?? "");
        Assert.Equal(expected == LifecycleState.Terminating, next.LaunchFailed);
    }

    [Theory]
    [InlineData(0, LifecycleState.Pending)]
    [InlineData(119.9, LifecycleState.Pending)]
    [InlineData(120, LifecycleState.Terminating)]
    [InlineData(500, LifecycleState.Terminating)]
    public void Decide_PendingSilent_FailsAtTheLaunchTimeout(double now, LifecycleState expected)
    {
        var decision = DecideOne(Spec(desired: 1), Instance("i-1", LifecycleState.Pending), Silent(), now);

        Assert.Equal(expected, decision.Only("i-1").State);
        if (expected == LifecycleState.Terminating)
        {
            Assert.Equal("launch failed: its agent did not report within 2m", decision.Only("i-1").Reason);
            Assert.Equal(
                [new ScalingActivityNote("i-1", "Terminating instance i-1", "launch failed: its agent did not report within 2m; next launch in 10s")],
                decision.Activities.ToArray());
        }
    }

    [Fact]
    public void Decide_PendingTimeout_CountsFromStateSinceNotLaunch()
    {
        var pending = Instance("i-1", LifecycleState.Pending, since: 100, launched: 0);

        Assert.Equal(LifecycleState.Pending, DecideOne(Spec(desired: 1), pending, Silent(), 219).Only("i-1").State);
        Assert.Equal(LifecycleState.Terminating, DecideOne(Spec(desired: 1), pending, Silent(), 220).Only("i-1").State);
    }
}
