namespace Greenlight.LoadBalancer.Metrics;

/// <summary>The layout of one row of traffic counters: named counters first, then the latency histogram's buckets.</summary>
internal static class TrafficField
{
    public const int Requests = 0;
    public const int Responses2xx = 1;
    public const int Responses3xx = 2;
    public const int Responses4xx = 3;
    public const int Responses5xx = 4;
    public const int ConnectionErrors = 5;
    public const int HealthTransitions = 6;
    public const int NoHealthyTarget = 7;
    public const int LatencySumMicroseconds = 8;
    public const int Histogram = 9;
    public const int Count = Histogram + LatencyHistogram.BucketCount;

    /// <summary>The counter of a status code's class, or -1 (1xx and anything odd count only as a request).</summary>
    public static int OfStatus(int statusCode) => (statusCode / 100) switch
    {
        2 => Responses2xx,
        3 => Responses3xx,
        4 => Responses4xx,
        5 => Responses5xx,
        _ => -1,
    };
}
