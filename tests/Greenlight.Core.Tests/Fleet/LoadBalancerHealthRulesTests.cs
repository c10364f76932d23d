using Greenlight.Core.Fleet;
using static Greenlight.Core.Tests.Fleet.FleetScenario;

namespace Greenlight.Core.Tests.Fleet;

/// <summary>
/// ELB health checks: launched at 12:00:00 with a 1m grace period, heartbeating; the load balancer's verdict counts
/// only for HealthCheckType ELB and only once the grace period is over, and the cause names the target groups.
/// </summary>
public sealed class LoadBalancerHealthRulesTests
{
    [Theory]
    [InlineData("Elb", 60, false, "web", "unhealthy: the load balancer reports it unhealthy in target group web")]
    [InlineData("Elb", 90, false, "api,web", "unhealthy: the load balancer reports it unhealthy in target groups api, web")]
    [InlineData("Elb", 60, false, "", "unhealthy: the load balancer reports it unhealthy")]
    [InlineData("Elb", 59, false, "web", "")]
    [InlineData("Elb", 90, true, "", "")]
    [InlineData("Elb", 90, null, "", "")]
    [InlineData("Agent", 90, false, "web", "")]
    [InlineData("Agent", 600, false, "web", "")]
    public void Decide_InServiceWithLoadBalancerVerdict_TerminatesOnlyForElbAfterGrace(string type, double now, bool? healthy, string groups, string reason)
    {
        var instance = Instance("i-1", LifecycleState.InService, since: 5);
        var facts = Heard(now) with { LoadBalancerHealthy = healthy, UnhealthyTargetGroups = [.. groups.Split(',', StringSplitOptions.RemoveEmptyEntries)] };
        var spec = Spec(desired: 1, graceSeconds: 60) with { HealthCheck = Enum.Parse<HealthCheckType>(type) };

        var next = DecideOne(spec, instance, facts, now).Only("i-1");

        Assert.Equal(reason.Length == 0 ? LifecycleState.InService : LifecycleState.Terminating, next.State);
        Assert.Equal(reason, next.Reason ?? "");
        Assert.False(next.LaunchFailed);
    }

    [Fact]
    public void Decide_SilentAgentAndUnhealthyTarget_NamesTheHeartbeatFirst()
    {
        var instance = Instance("i-1", LifecycleState.InService, since: 5);
        var facts = Heard(10) with { LoadBalancerHealthy = false, UnhealthyTargetGroups = ["web"] };

        var next = DecideOne(Spec(desired: 1, graceSeconds: 0) with { HealthCheck = HealthCheckType.Elb }, instance, facts, 100).Only("i-1");

        Assert.Equal("unhealthy: no heartbeat since 12:00:10 (timeout 30s)", next.Reason);
    }

    [Fact]
    public void Decide_UnhealthyTargetWithElbChecks_IsReplacedInTheSameCall()
    {
        var state = new ScalingState([Instance("i-1", LifecycleState.InService), Instance("i-2", LifecycleState.InService)]);
        var facts = new Dictionary<string, InstanceFacts>
        {
            ["i-1"] = Heard(100) with { LoadBalancerHealthy = true },
            ["i-2"] = Heard(100) with { LoadBalancerHealthy = false, UnhealthyTargetGroups = ["web"] },
        };

        var decision = Decide(Spec(desired: 2) with { HealthCheck = HealthCheckType.Elb }, state, facts, 100);

        Assert.Equal("launch(1)", decision.Actions.Show());
        Assert.Equal(
            [
                new ScalingActivityNote("i-2", "Terminating instance i-2", "unhealthy: the load balancer reports it unhealthy in target group web"),
                new ScalingActivityNote(null, "Launching a new instance", "replacing unhealthy instance i-2"),
            ],
            decision.Activities.ToArray());
    }

    [Fact]
    public void Decide_UnhealthyTargetWithinGrace_WakesAtTheEndOfGrace()
    {
        var instance = Instance("i-1", LifecycleState.InService, since: 5);
        var facts = Heard(30) with { LoadBalancerHealthy = false, UnhealthyTargetGroups = ["web"] };

        var decision = DecideOne(Spec(desired: 1, graceSeconds: 60) with { HealthCheck = HealthCheckType.Elb }, instance, facts, 30);

        Assert.Empty(decision.Actions);
        Assert.Equal(At(60), decision.WakeAt);
    }
}
