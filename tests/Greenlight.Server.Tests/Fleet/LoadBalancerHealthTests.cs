using Greenlight.LoadBalancer.Configuration;
using Greenlight.LoadBalancer.Status;
using Greenlight.Server.Fleet;

namespace Greenlight.Server.Tests.Fleet;

/// <summary>The load balancer's verdict on an instance from its targets: "group=State" pairs, the instance being i-1.</summary>
public sealed class LoadBalancerHealthTests
{
    [Theory]
    [InlineData("", null, "")]
    [InlineData("web=Healthy", true, "")]
    [InlineData("web=Healthy,api=Initial", true, "")]
    [InlineData("web=Healthy,api=Draining,old=Unused", true, "")]
    [InlineData("web=Initial", null, "")]
    [InlineData("web=Draining,api=Unused", null, "")]
    [InlineData("web=Unhealthy", false, "web")]
    [InlineData("web=Healthy,api=Unhealthy", false, "api")]
    [InlineData("web=Unhealthy,api=Unhealthy,old=Draining", false, "api,web")]
    public void With_TargetStates_GivesTheVerdictAndTheUnhealthyGroups(string targets, bool? healthy, string unhealthyIn)
    {
        var statuses = targets.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => t.Split('='))
            .Select(t => new TargetStatus(t[0], "i-1", "127.0.1.1", 8080, TargetPool.Blue, Enum.Parse<TargetState>(t[1]), null, 0, DateTimeOffset.UnixEpoch))
            .Append(new TargetStatus("web", "i-2", "127.0.1.2", 8080, TargetPool.Blue, TargetState.Unhealthy, null, 0, DateTimeOffset.UnixEpoch));

        var facts = LoadBalancerHealth.With(new Core.Fleet.InstanceFacts(null, true), LoadBalancerHealth.Of(statuses), "i-1");

        Assert.Equal(healthy, facts.LoadBalancerHealthy);
        Assert.Equal(unhealthyIn, string.Join(",", facts.UnhealthyTargetGroups));
        Assert.True(facts.ProcessAlive);
    }
}
