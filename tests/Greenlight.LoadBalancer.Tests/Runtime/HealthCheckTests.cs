using System.Net;
using System.Net.Sockets;
using Greenlight.LoadBalancer.Configuration;
using Greenlight.LoadBalancer.Status;
using Greenlight.LoadBalancer.Tests.TestSupport;
using static Greenlight.LoadBalancer.Tests.TestSupport.TestConfig;

namespace Greenlight.LoadBalancer.Tests.Runtime;

public sealed class HealthCheckTests
{
    [Fact]
    public async Task ApplyAsync_TargetRefusesConnections_UnhealthyConnectionRefused()
    {
        await using var lb = new LoadBalancerHarness();
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        await lb.ApplyAsync(Config(Listener(forward: ("web", 1)), Group("web", [new TargetConfig("gone", "127.0.0.1", port, TargetPool.Blue)])));

        await lb.WaitForStateAsync("web", "gone", TargetState.Unhealthy);
        Assert.Equal("HealthCheckFailed: connection refused", lb.Runtime.Targets("web").Single().Reason);
        await lb.Events.WaitForAsync(e => e.Id == "gone" && e.From == TargetState.Initial && e.To == TargetState.Unhealthy, "Initial -> Unhealthy");
    }

    [Fact]
    public async Task ApplyAsync_HealthCheckSlowerThanTimeout_UnhealthyTimedOut()
    {
        await using var lb = new LoadBalancerHarness();
        var a = await lb.BackendAsync("a");
        var health = new HealthCheckConfig("/slow?ms=3000", TimeSpan.FromSeconds(0.1), TimeSpan.FromSeconds(0.3), 2, 2, "200");

        await lb.ApplyAsync(Config(Listener(forward: ("web", 1)), Group("web", [Target(a)], health: health)));

        await lb.WaitForStateAsync("web", "a", TargetState.Unhealthy);
        Assert.Equal("HealthCheckFailed: timed out after 0.3s", lb.Runtime.Targets("web").Single().Reason);
    }

    [Fact]
    public async Task ApplyAsync_MatcherRange_AcceptsStatusesInIt()
    {
        await using var lb = new LoadBalancerHarness();
        var a = await lb.BackendAsync("a");
        a.HealthStatus = 204;
        var health = TestConfig.FastHealth with { Matcher = "200-299" };

        await lb.ApplyAsync(Config(Listener(forward: ("web", 1)), Group("web", [Target(a)], health: health)));

        await lb.WaitForStateAsync("web", "a", TargetState.Healthy);
        var events = lb.Events;
        await events.WaitForAsync(e => e.Id == "a" && e.From == TargetState.Initial && e.To == TargetState.Healthy, "Initial -> Healthy");
        Assert.Equal(TargetState.Initial, events.Events.First(e => e.Id == "a").To);
        Assert.Null(events.Events.First(e => e.Id == "a").From);
    }

    [Fact]
    public async Task Metrics_HealthTransitions_CountedPerTargetAndInPrometheus()
    {
        await using var lb = new LoadBalancerHarness();
        var a = await lb.BackendAsync("a");
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        await lb.ApplyAsync(Config(Listener(forward: ("web", 1)), Group("web", [Target(a)])));
        await lb.WaitForStateAsync("web", "a", TargetState.Healthy);
        a.HealthStatus = 500;
        await lb.WaitForStateAsync("web", "a", TargetState.Unhealthy);

        var window = lb.Runtime.Metrics("web", "a", from, DateTimeOffset.UtcNow.AddSeconds(1));
        var prometheus = new StringWriter();
        lb.Runtime.WritePrometheus(prometheus);

        Assert.Equal(2, window.HealthTransitions);
        Assert.Contains("greenlight_lb_health_transitions_total{target_group=\"web\",target=\"a\"} 2\n", prometheus.ToString());
        Assert.Contains("greenlight_lb_target_healthy{target_group=\"web\",target=\"a\"} 0\n", prometheus.ToString());
        Assert.Contains("greenlight_lb_green_weight{target_group=\"web\"} 0\n", prometheus.ToString());
    }
}
