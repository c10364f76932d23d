using Greenlight.Core.Fleet;
using static Greenlight.Core.Tests.Fleet.FleetScenario;

namespace Greenlight.Core.Tests.Fleet;

/// <summary>
/// Pending:Wait with launch hooks a (60s, default ABANDON) and b (120s, default CONTINUE), waiting since 12:00:00:
/// any abandon fails the launch, all continue → InService, an unanswered hook takes its default at its timeout.
/// </summary>
public sealed class PendingWaitRulesTests
{
    private const string TwoLaunchHooks = "launch a 60 abandon; launch b 120 continue; terminate t 30 abandon";

    [Theory]
    [InlineData("", 0, LifecycleState.PendingWait, "")]
    [InlineData("a=true", 0, LifecycleState.PendingWait, "")]
    [InlineData("a=true,b=true", 0, LifecycleState.InService, "launch hooks continued: a, b")]
    [InlineData("a=false", 0, LifecycleState.Terminating, "launch failed: launch hook a abandoned")]
    [InlineData("a=true,b=false", 0, LifecycleState.Terminating, "launch failed: launch hook b abandoned")]
    [InlineData("b=false", 0, LifecycleState.Terminating, "launch failed: launch hook b abandoned")]
    [InlineData("b=true", 59, LifecycleState.PendingWait, "")]
    [InlineData("b=true", 60, LifecycleState.Terminating, "launch failed: launch hook a timed out after 1m (default ABANDON)")]
    [InlineData("a=true", 119, LifecycleState.PendingWait, "")]
    [InlineData("a=true", 120, LifecycleState.InService, "launch hooks continued: a, b (b by default after timeout)")]
    [InlineData("a=true,b=true,other=false", 0, LifecycleState.InService, "launch hooks continued: a, b")]
    [InlineData("t=false", 0, LifecycleState.PendingWait, "")]
    public void Decide_PendingWait_FollowsTheLaunchHooks(string results, double now, LifecycleState expected, string why)
    {
        var waiting = Instance("i-1", LifecycleState.PendingWait, results: results);

        var decision = DecideOne(Spec(desired: 1, hooks: TwoLaunchHooks), waiting, Heard(now), now);

        var next = decision.Only("i-1");
        Assert.Equal(expected, next.State);
        switch (expected)
        {
            case LifecycleState.InService:
                Assert.Equal([new ScalingActivityNote("i-1", "Instance i-1 entered service", why)], decision.Activities.ToArray());
                break;
            case LifecycleState.Terminating:
                Assert.Equal(why, next.Reason);
                Assert.True(next.LaunchFailed);
                break;
            default:
                Assert.Same(waiting, next);
                break;
        }
    }

    [Fact]
    public void Decide_PendingWaitProcessExited_FailsTheLaunchEvenIfHooksContinued()
    {
        var waiting = Instance("i-1", LifecycleState.PendingWait, results: "a=true,b=true");

        var next = DecideOne(Spec(desired: 1, hooks: TwoLaunchHooks), waiting, Heard(0, alive: false), 5).Only("i-1");

        Assert.Equal(LifecycleState.Terminating, next.State);
        Assert.True(next.LaunchFailed);
        Assert.Equal("launch failed: its agent process exited while waiting for launch hooks", next.Reason);
    }

    [Fact]
    public void Decide_PendingWaitAfterLaunchHooksRemoved_EntersService()
    {
        var decision = DecideOne(Spec(desired: 1, hooks: "terminate t 30 abandon"), Instance("i-1", LifecycleState.PendingWait), Heard(0), 5);

        Assert.Equal(LifecycleState.InService, decision.Only("i-1").State);
        Assert.Equal("no launch hooks to wait for", decision.Activities.Single().Cause);
    }
}
