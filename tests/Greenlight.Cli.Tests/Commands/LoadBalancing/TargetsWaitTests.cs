using Greenlight.Cli.Commands.LoadBalancing;

namespace Greenlight.Cli.Tests.Commands.LoadBalancing;

public sealed class TargetsWaitTests
{
    [Theory]
    [InlineData("healthy", "healthy", true)]
    [InlineData("healthy", "healthy,healthy,draining", true)]
    [InlineData("healthy", "healthy,initial", false)]
    [InlineData("healthy", "healthy,unhealthy", false)]
    [InlineData("healthy", "unused", false)]
    [InlineData("healthy", "draining", false)]
    [InlineData("healthy", "", false)]
    [InlineData("drained", "", true)]
    [InlineData("drained", "healthy,unhealthy", true)]
    [InlineData("drained", "healthy,draining", false)]
    public void Reached_States_SaysWhetherTheWaitIsOver(string until, string states, bool reached)
    {
        Assert.Equal(reached, TargetsWait.Reached(until, states.Split(',', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void Unused_AllTargetsUnused_IsTrueAndNoTargetsIsNot()
    {
        Assert.Equal((true, false, false), (TargetsWait.Unused(["unused", "unused"]), TargetsWait.Unused([]), TargetsWait.Unused(["unused", "healthy"])));
    }
}
