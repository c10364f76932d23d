using Greenlight.LoadBalancer.Configuration;
using Greenlight.LoadBalancer.Status;
using Microsoft.Extensions.Logging;

namespace Greenlight.LoadBalancer;

/// <summary>
/// The running load balancer. <see cref="ApplyAsync"/> takes the whole desired configuration and converges to it:
/// starts and stops listeners, adds targets (Initial, health-checked from then on), and drains targets that are no
/// longer in the configuration. Routing reads one immutable snapshot, swapped atomically on every change, so no request
/// sees a half-applied configuration.
/// </summary>
public sealed class LoadBalancerRuntime : IAsyncDisposable
{
    public LoadBalancerRuntime(TimeProvider time, ILoggerFactory loggers, IRandomSource? random = null)
    {
        throw new NotImplementedException();
    }

    /// <summary>Raised (on a background thread) whenever a target changes state, including when a drained target is gone.</summary>
#pragma warning disable CS0067 // Stub until the implementation lands.
    public event Action<TargetEvent>? TargetChanged;
#pragma warning restore CS0067

    /// <summary>Converges to <paramref name="config"/>; a listener that cannot start is reported in its status, not thrown.</summary>
    public Task<IReadOnlyList<ListenerStatus>> ApplyAsync(LoadBalancingConfig config, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public IReadOnlyList<ListenerStatus> Listeners() => throw new NotImplementedException();

    /// <summary>Every target (of one group, or all), draining ones included.</summary>
    public IReadOnlyList<TargetStatus> Targets(string? targetGroup = null) => throw new NotImplementedException();

    /// <summary>Traffic of a group (or one of its targets) in [from, to), from per-second buckets kept for 15 minutes.</summary>
    public MetricsWindow Metrics(string targetGroup, string? targetId, DateTimeOffset from, DateTimeOffset to) =>
        throw new NotImplementedException();

    /// <summary>Every metric in Prometheus' text exposition format (version 0.0.4).</summary>
    public void WritePrometheus(TextWriter writer) => throw new NotImplementedException();

    public ValueTask DisposeAsync() => throw new NotImplementedException();
}

/// <summary>Randomness for the weighted choice, so tests can script it: a number in [0, maxExclusive).</summary>
public interface IRandomSource
{
    int Next(int maxExclusive);
}
