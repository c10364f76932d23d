using Greenlight.LoadBalancer.Status;
using Greenlight.LoadBalancer.Tests.TestSupport;
using static Greenlight.LoadBalancer.Tests.TestSupport.TestConfig;

namespace Greenlight.LoadBalancer.Tests.Runtime;

public sealed class DrainingTests
{
    [Fact]
    public async Task ApplyAsync_TargetDeregisteredWithARequestInFlight_RequestCompletesNewOnesGoElsewhereGoneAfterIt()
    {
        await using var lb = new LoadBalancerHarness();
        var a = await lb.BackendAsync("a");
        var b = await lb.BackendAsync("b");
        var listener = Listener(forward: ("web", 1));
        var url = await lb.ApplyAsync(Config(listener, Group("web", [Target(a), Target(b)])));
        await lb.WaitForStateAsync("web", "a", TargetState.Healthy);
        await lb.WaitForStateAsync("web", "b", TargetState.Healthy);

        // Round robin starts with the first target: the slow request goes to a.
        var slowStarted = DateTimeOffset.UtcNow;
        var slow = lb.Client.GetAsync(url + "/slow?ms=2000");
        await Poll.UntilAsync(() => lb.Runtime.Targets("web").Single(t => t.Id == "a").InFlight == 1, "the slow request in flight on a");
        await lb.ApplyAsync(Config(listener, Group("web", [Target(b)], deregistrationDelay: TimeSpan.FromSeconds(20))));

        Assert.Equal(TargetState.Draining, lb.Runtime.Targets("web").Single(t => t.Id == "a").State);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal("b", await lb.GetAsync(url + "/"));
        }

        Assert.False(slow.IsCompleted);
        Assert.DoesNotContain(lb.Events.Events, e => e.Id == "a" && e.To is null);
        using var response = await slow;
        Assert.Equal("a", await response.Content.ReadAsStringAsync());
        await lb.Events.WaitForAsync(e => e.Id == "a" && e.To is null, "a gone", seconds: 10);
        var gone = lb.Events.Events.Single(e => e.Id == "a" && e.To is null);
        Assert.Equal(TargetState.Draining, gone.From);
        Assert.True(gone.At >= slowStarted.AddSeconds(1.9), $"gone at {gone.At:O}, the slow request started at {slowStarted:O}");
        Assert.True(gone.At < slowStarted.AddSeconds(15), "gone only after the deregistration delay");
        Assert.StartsWith("Drained", gone.Reason);
        Assert.DoesNotContain(lb.Runtime.Targets("web"), t => t.Id == "a");
    }

    [Fact]
    public async Task ApplyAsync_DeregistrationDelayShorterThanTheRequest_DrainCutOffAtTheDelay()
    {
        await using var lb = new LoadBalancerHarness();
        var a = await lb.BackendAsync("a");
        var b = await lb.BackendAsync("b");
        var listener = Listener(forward: ("web", 1));
        var url = await lb.ApplyAsync(Config(listener, Group("web", [Target(a), Target(b)])));
        await lb.WaitForStateAsync("web", "a", TargetState.Healthy);
        await lb.WaitForStateAsync("web", "b", TargetState.Healthy);
        var slow = lb.Client.GetAsync(url + "/slow?ms=8000");
        await Poll.UntilAsync(() => lb.Runtime.Targets("web").Single(t => t.Id == "a").InFlight == 1, "the slow request in flight on a");

        var deregistered = DateTimeOffset.UtcNow;
        await lb.ApplyAsync(Config(listener, Group("web", [Target(b)], deregistrationDelay: TimeSpan.FromSeconds(0.5))));

        await lb.Events.WaitForAsync(e => e.Id == "a" && e.To is null, "a gone", seconds: 5);
        var gone = lb.Events.Events.Single(e => e.Id == "a" && e.To is null);
        Assert.Equal("DeregistrationDelayExpired", gone.Reason);
        Assert.True(gone.At >= deregistered.AddSeconds(0.45), "not gone before the delay");
        Assert.True(gone.At < deregistered.AddSeconds(4), "gone at the delay, not when the request ends");
        // The request in flight is cut off: it fails (an error status or a reset) well before the backend's 8 s.
        string outcome;
        try
        {
            using var response = await slow;
            outcome = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (HttpRequestException e)
        {
            outcome = "reset: " + e.Message;
        }

        Assert.NotEqual("200", outcome);
        Assert.True(DateTimeOffset.UtcNow < deregistered.AddSeconds(6), $"the cut-off request ({outcome}) ended {DateTimeOffset.UtcNow - deregistered} after the deregistration");
        Assert.Equal(1, lb.Runtime.Metrics("web", "a", deregistered.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1)).ConnectionErrors);
    }

    [Fact]
    public async Task ApplyAsync_ReRegisteredWhileDraining_BackToInitialThenHealthy()
    {
        await using var lb = new LoadBalancerHarness();
        var a = await lb.BackendAsync("a");
        var b = await lb.BackendAsync("b");
        var listener = Listener(forward: ("web", 1));
        var both = Config(listener, Group("web", [Target(a), Target(b)], deregistrationDelay: TimeSpan.FromSeconds(20)));
        var url = await lb.ApplyAsync(both);
        await lb.WaitForStateAsync("web", "a", TargetState.Healthy);
        await lb.WaitForStateAsync("web", "b", TargetState.Healthy);
        var slow = lb.Client.GetAsync(url + "/slow?ms=1500");
        await Poll.UntilAsync(() => lb.Runtime.Targets("web").Single(t => t.Id == "a").InFlight == 1, "the slow request in flight on a");
        await lb.ApplyAsync(Config(listener, Group("web", [Target(b)], deregistrationDelay: TimeSpan.FromSeconds(20))));
        Assert.Equal(TargetState.Draining, lb.Runtime.Targets("web").Single(t => t.Id == "a").State);

        await lb.ApplyAsync(both);

        await lb.Events.WaitForAsync(e => e.Id == "a" && e.From == TargetState.Draining && e.To == TargetState.Initial, "a Draining -> Initial");
        await lb.WaitForStateAsync("web", "a", TargetState.Healthy);
        using var response = await slow;
        Assert.Equal("a", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(lb.Events.Events, e => e.Id == "a" && e.To is null);
        Assert.Single(lb.Runtime.Targets("web"), t => t.Id == "a");
    }

    [Fact]
    public async Task ApplyAsync_TargetGroupRemoved_DrainsAllItsTargets()
    {
        await using var lb = new LoadBalancerHarness();
        var a = await lb.BackendAsync("a");
        var b = await lb.BackendAsync("b");
        var url = await lb.ApplyAsync(Config(Listener(forward: ("web", 1)), Group("web", [Target(a), Target(b)])));
        await lb.WaitForStateAsync("web", "a", TargetState.Healthy);
        await lb.WaitForStateAsync("web", "b", TargetState.Healthy);

        await lb.ApplyAsync(Config(Listener(forward: ("web", 1))));

        await lb.Events.WaitForAsync(e => e.Id == "a" && e.To is null, "a gone");
        await lb.Events.WaitForAsync(e => e.Id == "b" && e.To is null, "b gone");
        Assert.Contains(lb.Events.Events, e => e.Id == "a" && e.To == TargetState.Draining);
        Assert.Empty(lb.Runtime.Targets());
        using var response = await lb.Client.GetAsync(url + "/");
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
