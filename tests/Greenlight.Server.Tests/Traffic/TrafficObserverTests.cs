using Greenlight.Contracts.V1;
using Greenlight.Core.Batching;
using Greenlight.Core.Deployments;
using Greenlight.Core.Lifecycle;
using Greenlight.LoadBalancer.Configuration;
using Greenlight.LoadBalancer.Status;
using Greenlight.Server.Traffic;

namespace Greenlight.Server.Tests.Traffic;

/// <summary>The observer's verdicts: what an instance waiting on AllowTraffic or BlockTraffic is told, given the documents and the runtime.</summary>
public sealed class TrafficObserverTests
{
    private static readonly TargetGroupDocument Empty = new("a", 8080, new HealthCheckSpec(), 0, "round_robin", 0, [], DateTimeOffset.UnixEpoch);

    [Fact]
    public void Verdict_AllowTrafficWithoutTargetGroups_IsHealthyAtOnce()
    {
        Assert.Equal(new TargetHealthChanged("i-1", true), TrafficObserver.Verdict(Waiting(LifecycleEvent.AllowTraffic), [], [], []));
    }

    [Fact]
    public void Verdict_AllowTraffic_IsHealthyOnlyWhenHealthyInEveryGroup()
    {
        var a = Empty.Register("i-1", 8080, "blue", "deployment");
        var b = (a with { Name = "b" });
        string[] names = ["a", "b"];

        var oneHealthy = TrafficObserver.Verdict(Waiting(LifecycleEvent.AllowTraffic), names, [a, b], [Status("a", TargetState.Healthy), Status("b", TargetState.Initial)]);
        var bothHealthy = TrafficObserver.Verdict(Waiting(LifecycleEvent.AllowTraffic), names, [a, b], [Status("a", TargetState.Healthy), Status("b", TargetState.Healthy)]);
        var notInDocument = TrafficObserver.Verdict(Waiting(LifecycleEvent.AllowTraffic), names, [a, Empty with { Name = "b" }], [Status("a", TargetState.Healthy), Status("b", TargetState.Healthy)]);
        var missingGroup = TrafficObserver.Verdict(Waiting(LifecycleEvent.AllowTraffic), names, [a, null], [Status("a", TargetState.Healthy)]);
        var unhealthy = TrafficObserver.Verdict(Waiting(LifecycleEvent.AllowTraffic), names, [a, b], [Status("a", TargetState.Healthy), Status("b", TargetState.Unhealthy)]);

        Assert.Null(oneHealthy);
        Assert.Equal(new TargetHealthChanged("i-1", true), bothHealthy);
        Assert.Null(notInDocument);
        Assert.Null(missingGroup);
        Assert.Equal(new TargetHealthChanged("i-1", false), unhealthy);
    }

    [Fact]
    public void Verdict_BlockTraffic_IsDrainedOnceNoGroupHoldsItDrainingOrNot()
    {
        var registered = Empty.Register("i-1", 8080, "blue", "deployment");

        var stillRegistered = TrafficObserver.Verdict(Waiting(LifecycleEvent.BlockTraffic), ["a"], [registered], [Status("a", TargetState.Healthy)]);
        var draining = TrafficObserver.Verdict(Waiting(LifecycleEvent.BlockTraffic), ["a"], [Empty], [Status("a", TargetState.Draining)]);
        var gone = TrafficObserver.Verdict(Waiting(LifecycleEvent.BlockTraffic), ["a"], [Empty], [Status("other", TargetState.Draining)]);

        Assert.Null(stillRegistered);
        Assert.Null(draining);
        Assert.Equal(new TargetDrained("i-1"), gone);
    }

    [Fact]
    public void Verdict_GreenDuringTheShift_ReportsOnlyChangesOfHealth()
    {
        var registered = Empty.Register("i-1", 8080, "green", "deployment");
        var green = Waiting(LifecycleEvent.AfterAllowTraffic) with { Role = InstanceRole.Replacement, Status = InstanceStatus.Succeeded };
        var held = green with { Diagnostics = new InstanceDiagnostics("GreenTargetUnhealthy", "failing") };

        var turnsUnhealthy = TrafficObserver.Verdict(green, ["a"], [registered], [Status("a", TargetState.Unhealthy)]);
        var staysHealthy = TrafficObserver.Verdict(green, ["a"], [registered], [Status("a", TargetState.Healthy)]);
        var staysUnhealthy = TrafficObserver.Verdict(held, ["a"], [registered], [Status("a", TargetState.Unhealthy)]);
        var passesAgain = TrafficObserver.Verdict(held, ["a"], [registered], [Status("a", TargetState.Healthy)]);

        Assert.Equal(new TargetHealthChanged("i-1", false), turnsUnhealthy);
        Assert.Null(staysHealthy);
        Assert.Null(staysUnhealthy);
        Assert.Equal(new TargetHealthChanged("i-1", true), passesAgain);
    }

    private static InstanceState Waiting(LifecycleEvent lifecycleEvent) =>
        new("i-1", InstanceRole.Target, RevisionHealth.Unknown, InstanceStatus.InProgress, [], 0, 1, true, null, [new EventRecord(lifecycleEvent, EventStatus.InProgress)], null);

    private static TargetStatus Status(string group, TargetState state) =>
        new(group, "i-1", "127.0.0.1", 8080, TargetPool.Blue, state, null, 0, DateTimeOffset.UnixEpoch);
}
