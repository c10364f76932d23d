using Greenlight.LoadBalancer.Status;

namespace Greenlight.LoadBalancer.Metrics;

/// <summary>
/// The traffic of one target group or one target: per-second rows for windows (<see cref="SecondBuckets"/>) and the same
/// counters cumulative since start for Prometheus. Thread-safe; every write is an Interlocked add, no lock.
/// </summary>
internal sealed class TrafficMeter(TimeProvider time)
{
    private readonly SecondBuckets _seconds = new();
    private readonly long[] _total = new long[TrafficField.Count];

    /// <summary>A response from the target: a request, its status class and its latency.</summary>
    public void RecordResponse(int statusCode, double latencyMs)
    {
        var row = _seconds.Row(Now());
        var status = TrafficField.OfStatus(statusCode);
        var bucket = TrafficField.Histogram + LatencyHistogram.BucketOf(latencyMs);
        var micros = (long)(latencyMs * 1000);
        Add(TrafficField.Requests, 1, row);
        if (status >= 0)
        {
            Add(status, 1, row);
        }

        Add(bucket, 1, row);
        Add(TrafficField.LatencySumMicroseconds, micros, row);
    }

    /// <summary>A request that got no response from the target (refused, reset, timed out).</summary>
    public void RecordConnectionError()
    {
        var row = _seconds.Row(Now());
        Add(TrafficField.Requests, 1, row);
        Add(TrafficField.ConnectionErrors, 1, row);
    }

    /// <summary>A request answered 503 by the load balancer itself: the group had no healthy target.</summary>
    public void RecordNoHealthyTarget()
    {
        var row = _seconds.Row(Now());
        Add(TrafficField.Requests, 1, row);
        Add(TrafficField.Responses5xx, 1, row);
        Add(TrafficField.NoHealthyTarget, 1, row);
    }

    public void RecordHealthTransition() => Add(TrafficField.HealthTransitions, 1, _seconds.Row(Now()));

    /// <summary>A cumulative counter (see <see cref="TrafficField"/>).</summary>
    public long Total(int field) => Volatile.Read(ref _total[field]);

    /// <summary>The traffic of the seconds overlapping [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public MetricsWindow Window(DateTimeOffset from, DateTimeOffset to)
    {
        Span<long> sum = stackalloc long[TrafficField.Count];
        var toSecond = to.ToUnixTimeSeconds() + (to.ToUnixTimeMilliseconds() % 1000 == 0 ? 0 : 1);
        _seconds.Merge(from.ToUnixTimeSeconds(), toSecond, sum);
        return ToWindow(sum);
    }

    internal static MetricsWindow ToWindow(ReadOnlySpan<long> sum)
    {
        var histogram = sum.Slice(TrafficField.Histogram, LatencyHistogram.BucketCount);
        return new MetricsWindow(
            sum[TrafficField.Requests],
            sum[TrafficField.Responses2xx],
            sum[TrafficField.Responses3xx],
            sum[TrafficField.Responses4xx],
            sum[TrafficField.Responses5xx],
            sum[TrafficField.ConnectionErrors],
            LatencyHistogram.Percentile(histogram, 0.50),
            LatencyHistogram.Percentile(histogram, 0.90),
            LatencyHistogram.Percentile(histogram, 0.99),
            sum[TrafficField.HealthTransitions]);
    }

    private long _lastSecond;

    /// <summary>The Unix second of the last write (0: never written).</summary>
    public long LastSecond => Volatile.Read(ref _lastSecond);

    private long Now()
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (Volatile.Read(ref _lastSecond) != now)
        {
            Volatile.Write(ref _lastSecond, now);
        }

        return now;
    }

    private void Add(int field, long amount, long[]? row)
    {
        Interlocked.Add(ref _total[field], amount);
        if (row is not null)
        {
            Interlocked.Add(ref row[field], amount);
        }
    }
}
