namespace Greenlight.LoadBalancer.Routing;

/// <summary>
/// Weighted random choice over running sums of weights (zero weights are left out when the sums are built): draw r in
/// [0, total) and take the first entry whose running sum exceeds r.
/// </summary>
/// <example>
/// Weights 90 and 10: sums [90, 100]; r = 0 → 0, r = 89 → 0, r = 90 → 1, r = 99 → 1.
/// Weights 1, 1, 2: sums [1, 2, 4]; r = 0 → 0, r = 1 → 1, r = 2 → 2, r = 3 → 2.
/// </example>
internal static class WeightedChoice
{
    /// <summary>The running sums of positive weights (each weight must be greater than 0).</summary>
    public static int[] RunningSums(ReadOnlySpan<int> weights)
    {
        var sums = new int[weights.Length];
        var total = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            total += weights[i];
            sums[i] = total;
        }

        return sums;
    }

    /// <summary>The index picked; a single entry is taken without drawing.</summary>
    public static int Pick(int[] runningSums, IRandomSource random)
    {
        if (runningSums.Length == 1)
        {
            return 0;
        }

        var r = random.Next(runningSums[^1]);
        for (var i = 0; i < runningSums.Length; i++)
        {
            if (r < runningSums[i])
            {
                return i;
            }
        }

        return runningSums.Length - 1;
    }
}
