using Greenlight.Contracts.V1;
using Greenlight.LoadBalancer;
using Greenlight.LoadBalancer.Configuration;
using Greenlight.LoadBalancer.Status;

namespace Greenlight.Server.Alarms;

/// <summary>
/// A load balancer metric's value for one period, from the runtime's per-second traffic (one window per period, or one
/// per target of the pool). Connection errors count as 5xx (the client got a 502 or 504). A rate with no request, or a
/// response time with no response, is missing; counts are 0. With a pool, only the targets in that pool now count (the
/// group's own 503s, answered for want of a healthy target, belong to no pool). TargetResponseTime is in seconds; the
/// runtime keeps a latency histogram, so a pool's percentile is the request-weighted mean of its targets' percentiles and
/// Average is the median. UnHealthyHostCount is sampled now (<see cref="UnhealthyNow"/>).
/// </summary>
public static class LoadBalancerSource
{
    public static double? Value(LoadBalancerRuntime runtime, AlarmInfo alarm, DateTimeOffset from, DateTimeOffset to)
    {
        var metric = alarm.Metric;
        var windows = PoolOf(metric) is { } pool
            ? [.. runtime.Targets(metric.TargetGroupName).Where(t => t.Pool == pool).Select(t => t.Id).Distinct().Select(id => runtime.Metrics(metric.TargetGroupName!, id, from, to))]
            : new[] { runtime.Metrics(metric.TargetGroupName!, null, from, to) };
        var requests = windows.Sum(w => w.Requests);
        var errors = windows.Sum(w => w.Responses5xx + w.ConnectionErrors);
        var seconds = Math.Max(1, (to - from).TotalSeconds);
        return metric.MetricName switch
        {
            AlarmVocabulary.FiveXxRate => requests == 0 ? null : 100.0 * errors / requests,
            AlarmVocabulary.FiveXxCount => alarm.Statistic == "Average" ? errors / seconds : errors,
            AlarmVocabulary.Requests => alarm.Statistic == "Average" ? requests / seconds : requests,
            AlarmVocabulary.ResponseTime => Latency(windows, alarm.Statistic),
            _ => UnhealthyNow(runtime, metric),
        };
    }

    /// <summary>The targets of the group (of the pool) that are unhealthy now.</summary>
    public static double UnhealthyNow(LoadBalancerRuntime runtime, AlarmMetric metric)
    {
        var pool = PoolOf(metric);
        return runtime.Targets(metric.TargetGroupName).Count(t => t.State == TargetState.Unhealthy && (pool is null || t.Pool == pool));
    }

    private static double? Latency(IReadOnlyList<MetricsWindow> windows, string? statistic)
    {
        var answered = windows.Where(w => w.LatencyP50Ms is not null).ToList();
        var weight = answered.Sum(w => w.Requests - w.ConnectionErrors);
        if (answered.Count == 0 || weight <= 0)
        {
            return null;
        }

        double Of(MetricsWindow w) => statistic switch
        {
            "p99" => w.LatencyP99Ms ?? 0,
            "p90" => w.LatencyP90Ms ?? 0,
            _ => w.LatencyP50Ms ?? 0,
        };

        return answered.Sum(w => Of(w) * (w.Requests - w.ConnectionErrors)) / weight / 1000.0;
    }

    private static TargetPool? PoolOf(AlarmMetric metric) => metric.Pool switch
    {
        "green" => TargetPool.Green,
        "blue" => TargetPool.Blue,
        _ => null,
    };
}
