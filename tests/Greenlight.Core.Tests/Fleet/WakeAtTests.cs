using Greenlight.Core.Fleet;
using static Greenlight.Core.Tests.Fleet.FleetScenario;

namespace Greenlight.Core.Tests.Fleet;

/// <summary>WakeAt: the earliest future moment a decision could change without new facts (grace period 1m, policy defaults).</summary>
public sealed class WakeAtTests
{
    [Fact]
    public void Decide_Pending_WakesAtItsLaunchTimeout() =>
        Assert.Equal(At(130), DecideOne(Spec(desired: 1), Instance("i-1", LifecycleState.Pending, since: 10), Silent(), 20).WakeAt);

    [Theory]
    [InlineData("", 60)]
    [InlineData("a=true", 120)]
    [InlineData("b=true", 60)]
    public void Decide_PendingWait_WakesAtTheFirstOpenHookTimeout(string results, double expected)
    {
        var waiting = Instance("i-1", LifecycleState.PendingWait, results: results);

        var decision = DecideOne(Spec(desired: 1, hooks: "launch a 60 abandon; launch b 120 continue"), waiting, Heard(0), 30);

        Assert.Equal(At(expected), decision.WakeAt);
    }

    [Theory]
    [InlineData(30, 20.0, 60)]
    [InlineData(70, 65.0, 95)]
    [InlineData(95, 95.0, 125)]
    public void Decide_InService_WakesAtGraceEndThenJustAfterHeartbeatExpiry(double now, double heardAt, double expectedSeconds)
    {
        var decision = DecideOne(Spec(desired: 1, graceSeconds: 60), Instance("i-1", LifecycleState.InService), Heard(heardAt), now);

        var expected = now < 60 ? At(expectedSeconds) : At(expectedSeconds).AddTicks(1);
        Assert.Equal(expected, decision.WakeAt);
        Assert.Equal(LifecycleState.InService, decision.Only("i-1").State);
    }

    [Fact]
    public void Decide_TerminatingWait_WakesAtTheOpenHookTimeout()
    {
        var waiting = Instance("i-1", LifecycleState.TerminatingWait, since: 10);

        Assert.Equal(At(310), DecideOne(Spec(desired: 0, hooks: "terminate t 300 continue"), waiting, Heard(10), 20).WakeAt);
    }

    [Fact]
    public void Decide_NextLaunchAtWithoutShortfall_DoesNotWake() =>
        Assert.Null(Decide(Spec(desired: 0), new ScalingState([], 3, At(500)), new Dictionary<string, InstanceFacts>(), 10).WakeAt);

    [Fact]
    public void Decide_EmptyGroupAtTarget_DoesNotWake() =>
        Assert.Null(Decide(Spec(desired: 0), 10).WakeAt);

    [Fact]
    public void Decide_HugeTimeouts_WakeAtTheEndOfTime()
    {
        var policy = FleetPolicy.Default with { LaunchTimeout = TimeSpan.MaxValue };

        var decision = FleetPlanner.Decide(Spec(desired: 1), new ScalingState([Instance("i-1", LifecycleState.Pending)]),
            new Dictionary<string, InstanceFacts>(), policy, At(10));

        Assert.Equal(DateTimeOffset.MaxValue, decision.WakeAt);
    }
}
