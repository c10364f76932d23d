using Greenlight.Cli.Commands.Scaling;

namespace Greenlight.Cli.Tests.Commands.Scaling;

public sealed class ScaleProgressTests
{
    private static readonly Dictionary<string, string> None = [];

    [Fact]
    public void Next_InstancesStillPending_ReportsThemAndIsNotDone()
    {
        var step = ScaleProgress.Next(None, [new("a", "Pending", null), new("b", "InService", null)], 2);

        Assert.Equal(["a  Pending", "b  InService"], step.Changes);
        Assert.False(step.Done);
        Assert.Equal("1 of 2 InService, 1 Pending", step.Summary);
    }

    [Fact]
    public void Next_LastOneInService_ReportsTheTransitionAndIsDone()
    {
        var step = ScaleProgress.Next(new Dictionary<string, string> { ["a"] = "Pending:Wait", ["b"] = "InService" },
            [new("a", "InService", null), new("b", "InService", null)], 2);

        Assert.Equal(["a  Pending:Wait -> InService"], step.Changes);
        Assert.True(step.Done);
    }

    [Fact]
    public void Next_MoreInServiceThanDesired_IsNotDoneUntilTheExtraOneLeaves()
    {
        var previous = new Dictionary<string, string> { ["a"] = "InService", ["b"] = "InService" };

        var scaling = ScaleProgress.Next(previous, [new("a", "InService", null), new("b", "InService", null)], 1);
        var terminating = ScaleProgress.Next(previous, [new("a", "InService", null), new("b", "Terminating", "scale in")], 1);
        var gone = ScaleProgress.Next(new Dictionary<string, string> { ["a"] = "InService", ["b"] = "Terminating" }, [new("a", "InService", null)], 1);

        Assert.False(scaling.Done);
        Assert.Equal(["b  InService -> Terminating (scale in)"], terminating.Changes);
        Assert.True(terminating.Done);
        Assert.Equal(["b  gone"], gone.Changes);
    }

    [Fact]
    public void Next_ZeroDesiredAndNoInstances_IsDoneAtOnce()
    {
        var step = ScaleProgress.Next(None, [], 0);

        Assert.Empty(step.Changes);
        Assert.True(step.Done);
        Assert.Equal("0 of 0 InService", step.Summary);
    }
}
