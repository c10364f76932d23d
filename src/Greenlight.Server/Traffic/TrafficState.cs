using System.Collections.Immutable;
using Greenlight.Contracts.V1;
using Greenlight.Engine.Storage;
using Greenlight.LoadBalancer;
using Greenlight.LoadBalancer.Configuration;
using Greenlight.LoadBalancer.Status;
using Microsoft.Extensions.Logging;

namespace Greenlight.Server.Traffic;

/// <summary>
/// The server's one load balancer runtime and the way to change it: <see cref="ApplyAsync"/> reads every load balancer
/// and target group document, resolves instance addresses and applies the whole configuration. Applies take turns, and
/// each one reads the documents afresh, so the last one always leaves the runtime matching the store.
/// </summary>
public sealed class TrafficState : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IGreenlightStore _store;
    private readonly ILogger _logger;
    private int _disposed;

    public TrafficState(IGreenlightStore store, TimeProvider time, ILoggerFactory loggers)
    {
        _store = store;
        _logger = loggers.CreateLogger("Greenlight.Traffic");
        Runtime = new LoadBalancerRuntime(time, loggers);
    }

    public LoadBalancerRuntime Runtime { get; }

    /// <summary>Applies the stored configuration; returns each listener's status (a listener that could not bind has an error).</summary>
    public async Task<IReadOnlyList<ListenerStatus>> ApplyAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var config = await BuildAsync(_store, ct);
            var statuses = await Runtime.ApplyAsync(config, ct);
            TrafficLog.Applied(_logger, config.Listeners.Length, config.TargetGroups.Length);
            foreach (var failed in statuses.Where(s => s.Error is not null))
            {
                TrafficLog.ListenerFailed(_logger, failed.LoadBalancer, failed.Address, failed.Error!);
            }

            return statuses;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The runtime configuration the documents describe.</summary>
    public static async Task<LoadBalancingConfig> BuildAsync(IGreenlightStore store, CancellationToken ct)
    {
        var groups = await TrafficStore.TargetGroupsAsync(store, ct);
        var balancers = await TrafficStore.LoadBalancersAsync(store, ct);
        var directory = await InstanceDirectory.LoadAsync(store, ct);
        var names = groups.Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
        var listeners = balancers.SelectMany(b => b.Listeners.Select(l => new ListenerConfig(
            b.Name,
            l.Address!,
            string.Equals(l.Protocol, "HTTPS", StringComparison.OrdinalIgnoreCase),
            l.CertificateFile,
            l.CertificateKeyFile,
            [.. (l.Forward ?? []).Where(f => names.Contains(f.TargetGroupName!)).Select(f => new WeightedTargetGroup(f.TargetGroupName!, f.Weight))])));
        var targetGroups = groups.Select(g => new TargetGroupConfig(
            g.Name,
            HealthCheck(g.HealthCheck),
            TimeSpan.FromSeconds(g.DeregistrationDelaySeconds),
            g.Algorithm == TargetGroupValidation.LeastOutstandingRequests ? BalancingAlgorithm.LeastOutstandingRequests : BalancingAlgorithm.RoundRobin,
            g.GreenWeight,
            [.. g.Targets.Select(t => new TargetConfig(t.InstanceId, directory.HostOf(t.InstanceId), t.Port, t.Pool == TargetGroupDocument.Green ? TargetPool.Green : TargetPool.Blue))]));
        return new LoadBalancingConfig([.. listeners], [.. targetGroups]);
    }

    public static HealthCheckConfig HealthCheck(HealthCheckSpec spec)
    {
        var fallback = HealthCheckConfig.Default;
        return new HealthCheckConfig(
            spec.Path ?? fallback.Path,
            spec.IntervalSeconds is { } interval ? TimeSpan.FromSeconds(interval) : fallback.Interval,
            spec.TimeoutSeconds is { } timeout ? TimeSpan.FromSeconds(timeout) : fallback.Timeout,
            spec.HealthyThreshold ?? fallback.HealthyThreshold,
            spec.UnhealthyThreshold ?? fallback.UnhealthyThreshold,
            spec.Matcher ?? fallback.Matcher);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await Runtime.DisposeAsync();
            _gate.Dispose();
        }
    }
}
