using Greenlight.LoadBalancer.Metrics;

namespace Greenlight.LoadBalancer.Tests.Metrics;

public sealed class LatencyHistogramTests
{
    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.1, 0)]
    [InlineData(0.11, 1)]
    [InlineData(1.0, 7)]
    [InlineData(1.6, 8)]
    [InlineData(200_000.0, LatencyHistogram.BoundCount)]
    public void BucketOf_Latency_FirstBoundAtLeastIt(double ms, int expected)
    {
        Assert.Equal(expected, LatencyHistogram.BucketOf(ms));
    }

    [Theory]
    // 4 responses in (0.8, 1.131]: p50 = 0.8 + 0.331 × 2/4.
    [InlineData(new[] { 7, 7, 7, 7 }, 0.50, 0.9657)]
    // 1 response in (0, 0.1] and 1 in (1.6, 2.263]: p50 ends the first bucket, p99 = 1.6 + 0.663 × 0.98.
    [InlineData(new[] { 0, 9 }, 0.50, 0.1)]
    [InlineData(new[] { 0, 9 }, 0.99, 2.2495)]
    // Overflow bucket: its lower bound.
    [InlineData(new[] { LatencyHistogram.BoundCount }, 0.5, 104_857.6)]
    public void Percentile_Table_InterpolatesInsideTheBucket(int[] buckets, double quantile, double expected)
    {
        var counts = new long[LatencyHistogram.BucketCount];
        foreach (var bucket in buckets)
        {
            counts[bucket]++;
        }

        Assert.Equal(expected, LatencyHistogram.Percentile(counts, quantile)!.Value, 0.001);
    }

    [Fact]
    public void Percentile_NinetyTenSplit_P90EndsTheFastBucketP99InsideTheSlowOne()
    {
        // 90 responses in (0.8, 1.131], 10 in (9.051, 12.8]: p90 = 1.131, p99 = 9.051 + 3.749 × 0.9.
        var counts = new long[LatencyHistogram.BucketCount];
        counts[7] = 90;
        counts[14] = 10;

        Assert.Equal(1.1314, LatencyHistogram.Percentile(counts, 0.90)!.Value, 0.001);
        Assert.Equal(12.4251, LatencyHistogram.Percentile(counts, 0.99)!.Value, 0.001);
    }

    [Fact]
    public void Percentile_NoCounts_IsNull()
    {
        Assert.Null(LatencyHistogram.Percentile(new long[LatencyHistogram.BucketCount], 0.5));
    }
}
