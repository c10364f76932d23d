using Greenlight.Core.Fleet;
using static Greenlight.Core.Tests.Fleet.FleetScenario;

namespace Greenlight.Core.Tests.Fleet;

/// <summary>
/// InService health: launched at 12:00:00 with a 1m grace period; heartbeat timeout 30s. Unhealthy when marked so,
/// when its agent process exits, or after the grace period when its agent is silent longer than the timeout.
/// </summary>
public sealed class InServiceHealthTests
{
    [Theory]
    [InlineData(10, null, true, false, "")]
    [InlineData(59, null, true, false, "")]
    [InlineData(60, null, true, false, "unhealthy: no heartbeat since it launched at 12:00:00 (grace period 1m)")]
    [InlineData(100, 70.0, true, false, "")]
    [InlineData(100, 69.0, true, false, "unhealthy: no heartbeat since 12:01:09 (timeout 30s)")]
    [InlineData(50, 5.0, true, false, "")]
    [InlineData(60, 5.0, true, false, "unhealthy: no heartbeat since 12:00:05 (timeout 30s)")]
    [InlineData(10, 9.0, true, true, "unhealthy: marked unhealthy")]
    [InlineData(10, 9.0, false, false, "unhealthy: its agent process exited")]
    public void Decide_InService_TerminatesWhenUnhealthy(double now, double? heardAt, bool alive, bool markedUnhealthy, string reason)
    {
        var instance = Instance("i-1", LifecycleState.InService, since: 5) with { Unhealthy = markedUnhealthy };
        var facts = new InstanceFacts(heardAt is { } h ? At(h) : null, alive);

        var next = DecideOne(Spec(desired: 1, graceSeconds: 60), instance, facts, now).Only("i-1");

        Assert.Equal(reason.Length == 0 ? LifecycleState.InService : LifecycleState.Terminating, next.State);
        Assert.Equal(reason, next.Reason ?? "");
        Assert.False(next.LaunchFailed);
    }

    [Fact]
    public void Decide_UnhealthyInService_IsReplacedInTheSameCall()
    {
        var state = new ScalingState([Instance("i-1", LifecycleState.InService), Instance("i-2", LifecycleState.InService)]);
        var facts = new Dictionary<string, InstanceFacts> { ["i-1"] = Heard(100), ["i-2"] = Heard(10) };

        var decision = Decide(Spec(desired: 3), state, facts, 100);

        Assert.Equal("launch(2)", decision.Actions.Show());
        Assert.Equal(
            [
                new ScalingActivityNote("i-2", "Terminating instance i-2", "unhealthy: no heartbeat since 12:00:10 (timeout 30s)"),
                new ScalingActivityNote(null, "Launching a new instance", "replacing unhealthy instance i-2"),
                new ScalingActivityNote(null, "Launching a new instance", "desired capacity 3, 1 live"),
            ],
            decision.Activities.ToArray());
    }
}
