using Greenlight.LoadBalancer.Configuration;
using Greenlight.LoadBalancer.Metrics;
using Greenlight.LoadBalancer.Routing;
using Greenlight.LoadBalancer.Targets;
using Greenlight.LoadBalancer.Tests.TestSupport;

namespace Greenlight.LoadBalancer.Tests.Routing;

public sealed class TargetPickerTests
{
    private static readonly TargetGroupConfig GroupConfig = new("g", HealthCheckConfig.Default, TimeSpan.Zero, BalancingAlgorithm.RoundRobin, 0, []);

    private static TargetRuntime[] Targets(params string[] ids)
    {
        var group = new GroupRuntime(GroupConfig, new TrafficMeter(TimeProvider.System));
        return [.. ids.Select(id => new TargetRuntime(group, new TargetConfig(id, "127.0.0.1", 1, TargetPool.Blue), new TrafficMeter(TimeProvider.System)))];
    }

    private static GroupRoute Route(BalancingAlgorithm algorithm, TargetRuntime[] blue, TargetRuntime[]? green = null, int greenWeight = 0) =>
        new("g", algorithm, greenWeight, blue, green ?? [], new RoundRobinCounter(), new TrafficMeter(TimeProvider.System), "none");

    [Fact]
    public void Pick_RoundRobin_CyclesInOrder()
    {
        var route = Route(BalancingAlgorithm.RoundRobin, Targets("a", "b", "c"));
        var random = new ScriptedRandom();

        var picks = Enumerable.Range(0, 7).Select(_ => TargetPicker.Pick(route, random)!.Id);

        Assert.Equal(["a", "b", "c", "a", "b", "c", "a"], picks);
    }

    [Fact]
    public void Pick_LeastOutstanding_TakesFewestInFlightTiesToFirst()
    {
        var targets = Targets("a", "b", "c");
        var route = Route(BalancingAlgorithm.LeastOutstandingRequests, targets);
        var random = new ScriptedRandom();
        Assert.Equal("a", TargetPicker.Pick(route, random)!.Id);

        targets[0].BeginRequest();
        Assert.Equal("b", TargetPicker.Pick(route, random)!.Id);

        targets[1].BeginRequest();
        targets[1].BeginRequest();
        Assert.Equal("c", TargetPicker.Pick(route, random)!.Id);

        targets[2].BeginRequest();
        targets[2].BeginRequest();
        Assert.Equal("a", TargetPicker.Pick(route, random)!.Id);

        targets[1].EndRequest();
        Assert.Equal("a", TargetPicker.Pick(route, random)!.Id);
    }

    [Fact]
    public void Pick_NoHealthyTarget_ReturnsNull()
    {
        Assert.Null(TargetPicker.Pick(Route(BalancingAlgorithm.RoundRobin, []), new ScriptedRandom()));
    }

    [Fact]
    public void Pick_GreenWeightHundredGreenEmpty_DoesNotFallBackToBlue()
    {
        Assert.Null(TargetPicker.Pick(Route(BalancingAlgorithm.RoundRobin, Targets("a"), [], 100), new ScriptedRandom()));
    }

    [Fact]
    public void Pick_GreenWeightFiftyGreenEmpty_FallsBackToBlue()
    {
        Assert.Equal("a", TargetPicker.Pick(Route(BalancingAlgorithm.RoundRobin, Targets("a"), [], 50), new ScriptedRandom())!.Id);
    }

    [Fact]
    public void Pick_GreenDrawn_PicksFromGreen()
    {
        var route = Route(BalancingAlgorithm.RoundRobin, Targets("blue"), Targets("green"), 50);

        Assert.Equal("green", TargetPicker.Pick(route, new ScriptedRandom(49))!.Id);
        Assert.Equal("blue", TargetPicker.Pick(route, new ScriptedRandom(50))!.Id);
    }
}
