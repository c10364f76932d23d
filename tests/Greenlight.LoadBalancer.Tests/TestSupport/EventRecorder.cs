using System.Collections.Concurrent;
using Greenlight.LoadBalancer.Status;

namespace Greenlight.LoadBalancer.Tests.TestSupport;

/// <summary>Records a runtime's TargetChanged events, with the time each arrived.</summary>
internal sealed class EventRecorder
{
    private readonly ConcurrentQueue<(TargetEvent Event, DateTimeOffset Arrived)> _events = new();

    public EventRecorder(LoadBalancerRuntime runtime) => runtime.TargetChanged += e => _events.Enqueue((e, DateTimeOffset.UtcNow));

    public IReadOnlyList<TargetEvent> Events => [.. _events.Select(e => e.Event)];

    public IReadOnlyList<(TargetEvent Event, DateTimeOffset Arrived)> Timed => [.. _events];

    public Task WaitForAsync(Func<TargetEvent, bool> match, string what, double seconds = 10) =>
        Poll.UntilAsync(() => _events.Any(e => match(e.Event)), what, seconds);
}
