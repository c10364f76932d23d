namespace Greenlight.LoadBalancer.Metrics;

/// <summary>
/// Fixed, log-spaced latency buckets: upper bounds 0.1 ms × √2^k for k = 0..40 (0.1 ms, 0.141 ms, 0.2 ms, … 104 857.6 ms),
/// plus one overflow bucket, so two neighbouring bounds differ by 41 %. Percentiles are read from the counts by linear
/// interpolation inside the bucket holding the wanted rank (the first bucket starts at 0; the overflow bucket answers its
/// lower bound).
/// </summary>
/// <example>
/// 4 responses in the bucket (0.8, 1.131] ms: p50 = 0.8 + 0.331 × 2/4 ≈ 0.966 ms. 1 response in (0, 0.1] and 1 in
/// (1.6, 2.263]: p50 = 0.1 (rank 1 ends the first bucket), p99 = 1.6 + 0.663 × 0.98 ≈ 2.249 ms.
/// </example>
internal static class LatencyHistogram
{
    public const int BoundCount = 41;

    /// <summary>Buckets including the overflow bucket (above the last bound).</summary>
    public const int BucketCount = BoundCount + 1;

    private static readonly double[] Bounds = MakeBounds();

    public static ReadOnlySpan<double> UpperBoundsMs => Bounds;

    /// <summary>The bucket of a latency: the first whose upper bound is at least <paramref name="milliseconds"/>.</summary>
    public static int BucketOf(double milliseconds)
    {
        var index = Array.BinarySearch(Bounds, milliseconds);
        return index >= 0 ? index : ~index;
    }

    /// <summary>The <paramref name="quantile"/> (0 &lt; q ≤ 1) of the counts, in milliseconds; null without any count.</summary>
    public static double? Percentile(ReadOnlySpan<long> counts, double quantile)
    {
        long total = 0;
        foreach (var count in counts)
        {
            total += count;
        }

        if (total == 0)
        {
            return null;
        }

        var rank = quantile * total;
        long before = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            var count = counts[i];
            if (count > 0 && before + count >= rank)
            {
                var lower = i == 0 ? 0 : Bounds[i - 1];
                if (i >= BoundCount)
                {
                    return lower;
                }

                var fraction = Math.Clamp((rank - before) / count, 0, 1);
                return lower + ((Bounds[i] - lower) * fraction);
            }

            before += count;
        }

        return Bounds[BoundCount - 1];
    }

    private static double[] MakeBounds()
    {
        var bounds = new double[BoundCount];
        for (var k = 0; k < BoundCount; k++)
        {
            bounds[k] = 0.1 * Math.Pow(2, k / 2.0);
        }

        return bounds;
    }
}
