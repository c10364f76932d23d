using Greenlight.LoadBalancer.Routing;
using Greenlight.LoadBalancer.Tests.TestSupport;

namespace Greenlight.LoadBalancer.Tests.Routing;

public sealed class WeightedChoiceTests
{
    [Theory]
    [InlineData(new[] { 90, 10 }, 0, 0)]
    [InlineData(new[] { 90, 10 }, 89, 0)]
    [InlineData(new[] { 90, 10 }, 90, 1)]
    [InlineData(new[] { 90, 10 }, 99, 1)]
    [InlineData(new[] { 1, 1, 2 }, 0, 0)]
    [InlineData(new[] { 1, 1, 2 }, 1, 1)]
    [InlineData(new[] { 1, 1, 2 }, 2, 2)]
    [InlineData(new[] { 1, 1, 2 }, 3, 2)]
    public void Pick_ScriptedDraw_PicksTheDocumentedEntry(int[] weights, int draw, int expected)
    {
        var random = new ScriptedRandom(draw);

        var picked = WeightedChoice.Pick(WeightedChoice.RunningSums(weights), random);

        Assert.Equal(expected, picked);
        Assert.Equal([weights.Sum()], random.Bounds);
    }

    [Fact]
    public void Pick_SingleEntry_DoesNotDraw()
    {
        var random = new ScriptedRandom();

        Assert.Equal(0, WeightedChoice.Pick(WeightedChoice.RunningSums([5]), random));
        Assert.Empty(random.Bounds);
    }

    [Fact]
    public void Pick_SeededSource_SplitsNinetyTenWithinTwoPercent()
    {
        var sums = WeightedChoice.RunningSums([90, 10]);
        var random = new SeededRandom(42);
        var counts = new int[2];

        for (var i = 0; i < 10_000; i++)
        {
            counts[WeightedChoice.Pick(sums, random)]++;
        }

        Assert.InRange(counts[0], 8_800, 9_200);
        Assert.Equal(10_000, counts[0] + counts[1]);
    }

    [Fact]
    public void RunningSums_Weights_AreCumulative()
    {
        Assert.Equal([1, 3, 6], WeightedChoice.RunningSums([1, 2, 3]));
    }
}
