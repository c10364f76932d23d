using System.Collections.Immutable;
using Greenlight.Core.Lifecycle;

namespace Greenlight.Core.Deployments;

/// <summary>
/// Deadlines the machine enforces (codedeploy-semantics §2.4, §4.4): an event must start within
/// <see cref="EventStart"/> of being dispatched, finish within its completion timeout (the sum of its
/// scripts' timeouts when known, else <see cref="EventCompletion"/>), an instance must pass its health
/// check within <see cref="AllowTraffic"/>, and draining must end within <see cref="BlockTraffic"/>.
/// </summary>
public sealed record DeploymentTimeouts(
    TimeSpan EventStart,
    TimeSpan EventCompletion,
    TimeSpan AllowTraffic,
    TimeSpan BlockTraffic,
    TimeSpan GreenProvisioning,
    ImmutableSortedDictionary<LifecycleEvent, TimeSpan> PerEvent)
{
    public static DeploymentTimeouts Default { get; } = new(
        EventStart: TimeSpan.FromMinutes(5),
        EventCompletion: TimeSpan.FromHours(1),
        AllowTraffic: TimeSpan.FromHours(1),
        BlockTraffic: TimeSpan.FromMinutes(15),
        GreenProvisioning: TimeSpan.FromMinutes(30),
        PerEvent: ImmutableSortedDictionary<LifecycleEvent, TimeSpan>.Empty);

    public TimeSpan CompletionOf(LifecycleEvent lifecycleEvent) => lifecycleEvent switch
    {
        LifecycleEvent.AllowTraffic => AllowTraffic,
        LifecycleEvent.BlockTraffic => BlockTraffic,
        _ => PerEvent.TryGetValue(lifecycleEvent, out var t) ? t : EventCompletion,
    };
}
