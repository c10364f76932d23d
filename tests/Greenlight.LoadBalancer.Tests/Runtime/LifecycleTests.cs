using System.Collections.Concurrent;
using Greenlight.LoadBalancer.Configuration;
using Greenlight.LoadBalancer.Status;
using Greenlight.LoadBalancer.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using static Greenlight.LoadBalancer.Tests.TestSupport.TestConfig;

namespace Greenlight.LoadBalancer.Tests.Runtime;

public sealed class LifecycleTests
{
    [Fact]
    public async Task TargetChanged_HandlerThrows_OtherHandlersStillGetEveryEvent()
    {
        await using var runtime = new LoadBalancerRuntime(TimeProvider.System, NullLoggerFactory.Instance);
        var seen = new ConcurrentQueue<TargetEvent>();
        runtime.TargetChanged += _ => throw new InvalidOperationException("a broken subscriber");
        runtime.TargetChanged += seen.Enqueue;

        await runtime.ApplyAsync(new LoadBalancingConfig([], [Group("web", [new TargetConfig("a", "127.0.0.1", 1, TargetPool.Blue), new TargetConfig("b", "127.0.0.1", 1, TargetPool.Blue)])]), CancellationToken.None);

        await Poll.UntilAsync(() => seen.Count >= 2, "two registration events");
        Assert.Equal(["a", "b"], seen.Take(2).Select(e => e.Id));
        Assert.All(seen.Take(2), e => Assert.Equal((null, TargetState.Unused), (e.From, e.To)));
    }

    [Fact]
    public async Task DisposeAsync_Twice_ApplyAfterwardsRefused()
    {
        var runtime = new LoadBalancerRuntime(TimeProvider.System, NullLoggerFactory.Instance);
        var listeners = await runtime.ApplyAsync(new LoadBalancingConfig([Listener()], []), CancellationToken.None);
        Assert.Null(listeners[0].Error);

        await runtime.DisposeAsync();
        await runtime.DisposeAsync();

        Assert.Empty(runtime.Listeners());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => runtime.ApplyAsync(LoadBalancingConfig.Empty, CancellationToken.None));
        using var client = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("http://" + listeners[0].BoundAddress + "/"));
    }
}
