using System.Net;
using Greenlight.LoadBalancer.Configuration;
using Greenlight.LoadBalancer.Status;
using Greenlight.LoadBalancer.Tests.TestSupport;
using static Greenlight.LoadBalancer.Tests.TestSupport.TestConfig;

namespace Greenlight.LoadBalancer.Tests.Runtime;

public sealed class RoutingTests
{
    [Fact]
    public async Task ApplyAsync_OneTargetFailsItsChecks_OnlyHealthyTargetsGetTraffic()
    {
        await using var lb = new LoadBalancerHarness();
        var a = await lb.BackendAsync("a");
        var b = await lb.BackendAsync("b");
        var c = await lb.BackendAsync("c");
        c.HealthStatus = 503;
        var url = await lb.ApplyAsync(Config(Listener(forward: ("web", 1)), Group("web", [Target(a), Target(b), Target(c)])));
        await lb.WaitForStateAsync("web", "a", TargetState.Healthy);
        await lb.WaitForStateAsync("web", "b", TargetState.Healthy);
        await lb.WaitForStateAsync("web", "c", TargetState.Unhealthy);

        var bodies = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            bodies.Add(await lb.GetAsync(url + "/"));
        }

        Assert.Equal(10, bodies.Count(x => x == "a"));
        Assert.Equal(10, bodies.Count(x => x == "b"));
        Assert.Equal(0, c.Served);
        Assert.Equal("HealthCheckFailed: status 503", lb.Runtime.Targets("web").Single(t => t.Id == "c").Reason);
    }

    [Fact]
    public async Task ApplyAsync_TargetTurnsUnhealthy_StopsReceivingRequests()
    {
        await using var lb = new LoadBalancerHarness();
        var a = await lb.BackendAsync("a");
        var b = await lb.BackendAsync("b");
        var url = await lb.ApplyAsync(Config(Listener(forward: ("web", 1)), Group("web", [Target(a), Target(b)])));
        await lb.WaitForStateAsync("web", "a", TargetState.Healthy);
        await lb.WaitForStateAsync("web", "b", TargetState.Healthy);

        b.HealthStatus = 500;
        await lb.WaitForStateAsync("web", "b", TargetState.Unhealthy);
        var served = b.Served;
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal("a", await lb.GetAsync(url + "/"));
        }

        Assert.Equal(served, b.Served);
        await lb.Events.WaitForAsync(e => e.Id == "b" && e.From == TargetState.Healthy && e.To == TargetState.Unhealthy, "b Healthy -> Unhealthy");
    }

    [Fact]
    public async Task Request_NoHealthyTarget_503WithTheGroupNamedAndCounted()
    {
        await using var lb = new LoadBalancerHarness();
        var a = await lb.BackendAsync("a");
        a.HealthStatus = 503;
        var url = await lb.ApplyAsync(Config(Listener(forward: ("web", 1)), Group("web", [Target(a)])));
        await lb.WaitForStateAsync("web", "a", TargetState.Unhealthy);
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);

        using var response = await lb.Client.GetAsync(url + "/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("no healthy target in target group web", (await response.Content.ReadAsStringAsync()).Trim());
        var window = lb.Runtime.Metrics("web", null, from, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal((1, 1), (window.Requests, window.Responses5xx));
        var prometheus = new StringWriter();
        lb.Runtime.WritePrometheus(prometheus);
        Assert.Contains("greenlight_lb_no_healthy_target_total{target_group=\"web\"} 1\n", prometheus.ToString());
    }

    [Fact]
    public async Task Request_TargetDown_502AndConnectionErrorCounted()
    {
        await using var lb = new LoadBalancerHarness();
        var a = await lb.BackendAsync("a");
        // One pass makes it healthy; the next check is a minute away, so it stays in the snapshot after it stops.
        var health = new HealthCheckConfig("/health", TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1), 1, 2, "200");
        var url = await lb.ApplyAsync(Config(Listener(forward: ("web", 1)), Group("web", [Target(a)], health: health)));
        await lb.WaitForStateAsync("web", "a", TargetState.Healthy);
        await a.DisposeAsync();
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);

        for (var i = 0; i < 3; i++)
        {
            using var response = await lb.Client.GetAsync(url + "/");
            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        }

        var to = DateTimeOffset.UtcNow.AddSeconds(1);
        var target = lb.Runtime.Metrics("web", "a", from, to);
        Assert.Equal((3, 3, 0), (target.Requests, target.ConnectionErrors, target.Responses5xx));
        Assert.Equal(3, lb.Runtime.Metrics("web", null, from, to).ConnectionErrors);
    }

    [Fact]
    public async Task Metrics_RequestsSent_WindowCountsMatch()
    {
        await using var lb = new LoadBalancerHarness();
        var a = await lb.BackendAsync("a");
        var b = await lb.BackendAsync("b");
        var url = await lb.ApplyAsync(Config(Listener(forward: ("web", 1)), Group("web", [Target(a), Target(b)])));
        await lb.WaitForStateAsync("web", "a", TargetState.Healthy);
        await lb.WaitForStateAsync("web", "b", TargetState.Healthy);
        var from = DateTimeOffset.UtcNow;

        for (var i = 0; i < 25; i++)
        {
            await lb.GetAsync(url + "/");
        }

        using (var missing = await lb.Client.GetAsync(url + "/health-of-nothing"))
        {
            Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        }

        var to = DateTimeOffset.UtcNow.AddMilliseconds(1);
        var group = lb.Runtime.Metrics("web", null, from, to);
        var ta = lb.Runtime.Metrics("web", "a", from, to);
        var tb = lb.Runtime.Metrics("web", "b", from, to);
        Assert.Equal(26, group.Requests);
        Assert.Equal(26, group.Responses2xx);
        Assert.Equal(26, ta.Requests + tb.Requests);
        Assert.Equal(13, ta.Requests);
        Assert.NotNull(group.LatencyP50Ms);
        Assert.True(group.LatencyP50Ms <= group.LatencyP99Ms);
        Assert.Equal(0, lb.Runtime.Metrics("web", null, from.AddMinutes(-5), from.AddMinutes(-4)).Requests);
        Assert.Equal(0, lb.Runtime.Metrics("nothing", null, from, to).Requests);
    }

    [Fact]
    public async Task ApplyAsync_TwoGroupsWeighted_OnlyGroupsWithWeightGetTraffic()
    {
        await using var lb = new LoadBalancerHarness();
        var a = await lb.BackendAsync("a");
        var b = await lb.BackendAsync("b");
        var url = await lb.ApplyAsync(Config(Listener(forward: [("one", 1), ("two", 0)]), Group("one", [Target(a)]), Group("two", [Target(b)])));
        await lb.WaitForStateAsync("one", "a", TargetState.Healthy);
        await lb.WaitForStateAsync("two", "b", TargetState.Healthy);

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal("a", await lb.GetAsync(url + "/"));
        }

        Assert.Equal(0, b.Served);
    }

    [Fact]
    public async Task ApplyAsync_GroupNotForwarded_TargetsUnusedThenHealthyAtOnceWhenAttached()
    {
        await using var lb = new LoadBalancerHarness();
        var a = await lb.BackendAsync("a");
        var group = Group("web", [Target(a)]);
        await lb.ApplyAsync(Config(Listener(forward: ("other", 1)), group));
        await lb.WaitForStateAsync("web", "a", TargetState.Unused);
        // Still checked while unused: give it time to pass (the state reported stays Unused).
        await Poll.UntilAsync(() => a.HealthStatus == 200 && lb.Runtime.Targets("web").Single().Reason!.StartsWith("NotInUse", StringComparison.Ordinal), "reason NotInUse");

        var url = await lb.ApplyAsync(Config(Listener(forward: ("web", 1)), group));

        await lb.Events.WaitForAsync(e => e.Id == "a" && e.From == TargetState.Unused && e.To is TargetState.Healthy or TargetState.Initial, "a attached");
        await lb.WaitForStateAsync("web", "a", TargetState.Healthy);
        Assert.Equal("a", await lb.GetAsync(url + "/"));
    }

    [Fact]
    public async Task ApplyAsync_PoolChanges_MovesWithoutANewRegistration()
    {
        await using var lb = new LoadBalancerHarness();
        var a = await lb.BackendAsync("a");
        var b = await lb.BackendAsync("b");
        var url = await lb.ApplyAsync(Config(Listener(forward: ("web", 1)), Group("web", [Target(a), Target(b, TargetPool.Green)], greenWeight: 0)));
        await lb.WaitForStateAsync("web", "a", TargetState.Healthy);
        await lb.WaitForStateAsync("web", "b", TargetState.Healthy);
        Assert.Equal("a", await lb.GetAsync(url + "/"));
        var events = lb.Events.Events.Count;

        await lb.ApplyAsync(Config(Listener(forward: ("web", 1)), Group("web", [Target(a, TargetPool.Green), Target(b)], greenWeight: 0)));

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("b", await lb.GetAsync(url + "/"));
        }

        Assert.Equal(TargetPool.Green, lb.Runtime.Targets("web").Single(t => t.Id == "a").Pool);
        Assert.All(lb.Runtime.Targets("web"), t => Assert.Equal(TargetState.Healthy, t.State));
        Assert.Equal(events, lb.Events.Events.Count);
    }
}
