using Greenlight.LoadBalancer.Configuration;
using Greenlight.LoadBalancer.Routing;
using Greenlight.LoadBalancer.Tests.TestSupport;

namespace Greenlight.LoadBalancer.Tests.Routing;

public sealed class PoolChoiceTests
{
    [Theory]
    [InlineData(30, 29, TargetPool.Green)]
    [InlineData(30, 30, TargetPool.Blue)]
    [InlineData(1, 0, TargetPool.Green)]
    [InlineData(99, 99, TargetPool.Blue)]
    public void Choose_BothPoolsHealthy_FollowsTheDraw(int greenWeight, int draw, TargetPool expected)
    {
        Assert.Equal(expected, PoolChoice.Choose(greenWeight, true, true, new ScriptedRandom(draw)));
    }

    [Theory]
    [InlineData(0, true, true, TargetPool.Blue)]
    [InlineData(0, false, true, null)]
    [InlineData(100, true, true, TargetPool.Green)]
    [InlineData(100, true, false, null)]
    [InlineData(30, true, false, TargetPool.Blue)]
    [InlineData(30, false, true, TargetPool.Green)]
    [InlineData(30, false, false, null)]
    public void Choose_WeightZeroOrEmptyPool_NeverPicksAPoolWithWeightZero(int greenWeight, bool blueHealthy, bool greenHealthy, TargetPool? expected)
    {
        var random = new ScriptedRandom();

        Assert.Equal(expected, PoolChoice.Choose(greenWeight, blueHealthy, greenHealthy, random));
        Assert.Empty(random.Bounds);
    }

    [Fact]
    public void Choose_WeightZero_NeverGreenOverManyDraws()
    {
        var random = new SeededRandom(7);
        for (var i = 0; i < 1_000; i++)
        {
            Assert.Equal(TargetPool.Blue, PoolChoice.Choose(0, true, true, random));
            Assert.Equal(TargetPool.Green, PoolChoice.Choose(100, true, true, random));
        }
    }
}
