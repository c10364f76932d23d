using Greenlight.Core.Fleet;

namespace Greenlight.Core.Tests.Fleet;

public sealed class LaunchBackoffTests
{
    /// <summary>The worked examples on <see cref="LaunchBackoff"/> (base 10s, max 5m).</summary>
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(4, 80)]
    [InlineData(5, 160)]
    [InlineData(6, 300)]
    [InlineData(7, 300)]
    [InlineData(1_000, 300)]
    [InlineData(int.MaxValue, 300)]
    [InlineData(-3, 0)]
    public void Delay_DefaultPolicy_DoublesUpToTheMaximum(int failures, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), LaunchBackoff.Delay(FleetPolicy.Default, failures));

    [Theory]
    [InlineData(0, 60, 5, 0)]
    [InlineData(-10, 60, 5, 0)]
    [InlineData(30, 20, 1, 20)]
    [InlineData(30, -5, 4, 0)]
    [InlineData(7, 1_000_000, 3, 28)]
    public void Delay_OddPolicy_StaysWithinZeroAndMax(int baseSeconds, int maxSeconds, int failures, int expectedSeconds)
    {
        var policy = FleetPolicy.Default with { BackoffBase = TimeSpan.FromSeconds(baseSeconds), BackoffMax = TimeSpan.FromSeconds(maxSeconds) };

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), LaunchBackoff.Delay(policy, failures));
    }

    [Fact]
    public void Delay_HugeMaximum_DoesNotOverflow()
    {
        var policy = FleetPolicy.Default with { BackoffBase = TimeSpan.FromDays(1), BackoffMax = TimeSpan.MaxValue };

        Assert.Equal(TimeSpan.MaxValue, LaunchBackoff.Delay(policy, 200));
    }
}
