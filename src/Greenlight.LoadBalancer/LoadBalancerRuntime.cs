using System.Collections.Immutable;
using System.Threading.Channels;
using Greenlight.LoadBalancer.Configuration;
using Greenlight.LoadBalancer.Health;
using Greenlight.LoadBalancer.Listeners;
using Greenlight.LoadBalancer.Routing;
using Greenlight.LoadBalancer.Status;
using Greenlight.LoadBalancer.Targets;
using Microsoft.Extensions.Logging;

namespace Greenlight.LoadBalancer;

/// <summary>
/// The running load balancer. <see cref="ApplyAsync"/> takes the whole desired configuration and converges to it:
/// starts and stops listeners, adds targets (Initial, health-checked from then on), and drains targets that are no
/// longer in the configuration. Routing reads one immutable snapshot, swapped atomically on every change, so no request
/// sees a half-applied configuration.
/// </summary>
/// <remarks>
/// Requests are forwarded once: retries are off (a request that cannot reach its target gets YARP's 502 or 504 and counts
/// as a connection error). Each listener is its own small Kestrel server. Changes of configuration (under a semaphore,
/// one ApplyAsync at a time) and of health (from the health check loops) take one lock, change the targets, rebuild the
/// routing snapshot and queue <see cref="TargetChanged"/> events, which one background task raises in order, outside any
/// lock.
/// </remarks>
public sealed partial class LoadBalancerRuntime : IAsyncDisposable
{
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IRandomSource _random;
    private readonly HttpMessageInvoker _forwarding = ForwardingClient.Create();
    private readonly HttpMessageInvoker _healthClient = ForwardingClient.Create();
    private readonly HealthChecker _checker;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Channel<TargetEvent> _events = Channel.CreateUnbounded<TargetEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _dispatcher;
    private LoadBalancingConfig _config = LoadBalancingConfig.Empty;
    private RoutingSnapshot _snapshot = RoutingSnapshot.Empty;
    private bool _disposed;

    public LoadBalancerRuntime(TimeProvider time, ILoggerFactory loggers, IRandomSource? random = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggers);
        _time = time;
        _logger = loggers.CreateLogger("Greenlight.LoadBalancer");
        _random = random ?? SharedRandomSource.Instance;
        _checker = new HealthChecker(_healthClient, time);
        _dispatcher = Task.Run(DispatchEventsAsync);
    }

    /// <summary>
    /// Raised (on a background thread, one event at a time, in the order of the changes) whenever a target changes state,
    /// including when it is registered (From null) and when a drained target is gone (To null). A handler that throws is
    /// logged and does not stop the others.
    /// </summary>
    public event Action<TargetEvent>? TargetChanged;

    /// <summary>Converges to <paramref name="config"/>; a listener that cannot start is reported in its status, not thrown.</summary>
    /// <remarks>
    /// Idempotent: the same configuration again changes nothing (a listener that failed to start is tried again). Target
    /// groups and targets keep the first of duplicate names or ids. A target whose host or port changes is drained and
    /// registered anew; a target registered again while draining goes back to Initial.
    /// </remarks>
    public async Task<IReadOnlyList<ListenerStatus>> ApplyAsync(LoadBalancingConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var after = new List<Action>();
            lock (_lock)
            {
                _config = config;
                ApplyTargetGroupsLocked(config, after);
                RefreshLocked();
                PruneMetersLocked();
            }

            foreach (var action in after)
            {
                action();
            }

            return await ApplyListenersAsync(config, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Every listener of the last configuration, in its order.</summary>
    public IReadOnlyList<ListenerStatus> Listeners() => Volatile.Read(ref _listenerStatuses);

    /// <summary>Every target (of one group, or all), draining ones included.</summary>
    public IReadOnlyList<TargetStatus> Targets(string? targetGroup = null)
    {
        var result = new List<TargetStatus>();
        lock (_lock)
        {
            foreach (var group in _groups.Values)
            {
                if (targetGroup is not null && group.Name != targetGroup)
                {
                    continue;
                }

                foreach (var target in group.Targets.Values)
                {
                    result.Add(target.ToStatus());
                }
            }

            foreach (var target in _draining)
            {
                if (targetGroup is null || target.GroupName == targetGroup)
                {
                    result.Add(target.ToStatus());
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Stops the health checks and the drain waits (no more gone events), stops the listeners (giving requests in flight up to 5 s),
    /// then delivers the events still queued. ApplyAsync afterwards throws <see cref="ObjectDisposedException"/>.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            await _stopping.CancelAsync().ConfigureAwait(false);
            await StopListenersAsync().ConfigureAwait(false);
            _events.Writer.TryComplete();
        }
        finally
        {
            _gate.Release();
        }

        // Outside the semaphore: a handler blocked on ApplyAsync gets it, sees the runtime disposed, and the queue drains.
        await _dispatcher.ConfigureAwait(false);
        _forwarding.Dispose();
        _healthClient.Dispose();
    }

    internal RoutingSnapshot Snapshot() => Volatile.Read(ref _snapshot);

    private void Publish(RoutingSnapshot snapshot) => Interlocked.Exchange(ref _snapshot, snapshot);

    private void Enqueue(TargetEvent change)
    {
        LoadBalancerLog.TargetStateChanged(_logger, change.TargetGroup, change.Id, change.From, change.To, change.Reason);
        _events.Writer.TryWrite(change);
    }

    private async Task DispatchEventsAsync()
    {
        await foreach (var change in _events.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            var handlers = TargetChanged;
            if (handlers is null)
            {
                continue;
            }

            foreach (var handler in handlers.GetInvocationList())
            {
                try
                {
                    ((Action<TargetEvent>)handler)(change);
                }
#pragma warning disable CA1031 // A subscriber's bug must not stop the load balancer's events.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    LoadBalancerLog.HandlerFailed(_logger, e, change.TargetGroup, change.Id);
                }
            }
        }
    }
}
