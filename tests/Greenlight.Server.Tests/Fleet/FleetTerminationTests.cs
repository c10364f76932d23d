using Greenlight.Contracts.V1;
using Greenlight.Core.Fleet;
using Greenlight.Server.Fleet;

namespace Greenlight.Server.Tests.Fleet;

/// <summary>Terminating chosen instances of a group with the desired capacity decremented, and when that covers the whole group.</summary>
public sealed class FleetTerminationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Decrement_SomeLiveInstances_TheyTerminateAndDesiredAndMinDrop()
    {
        var doc = Group(3, ("a", LifecycleState.InService), ("b", LifecycleState.InService), ("c", LifecycleState.Pending));

        var next = FleetTermination.Decrement(doc, ["b", "x"], "retired", Now)!;

        Assert.Equal((2, 2), (next.DesiredCapacity, next.MinSize));
        Assert.Equal(LifecycleState.Terminating, next.State.Instances.Single(i => i.InstanceId == "b").State);
        Assert.Equal("retired", next.State.Instances.Single(i => i.InstanceId == "b").Reason);
        Assert.Null(FleetTermination.Decrement(next, ["b"], "again", Now));
    }

    [Fact]
    public void CoversAll_EveryLiveInstance_IsTrue_ATerminatedOneDoesNotCount()
    {
        var doc = Group(2, ("a", LifecycleState.InService), ("b", LifecycleState.PendingWait), ("old", LifecycleState.Terminated));

        Assert.True(FleetTermination.CoversAll(doc, ["a", "b"]));
        Assert.False(FleetTermination.CoversAll(doc, ["a", "old"]));
        Assert.False(FleetTermination.CoversAll(Group(0), ["a"]));
    }

    private static AutoScalingGroupDocument Group(int desired, params (string Id, LifecycleState State)[] instances) =>
        new("asg", new LaunchTemplateSpecification("web", "1"), desired, 4, desired, "AGENT", 0, [], [], Now,
            new ScalingState([.. instances.Select(i => new FleetInstance(i.Id, i.State, 1, Now, Now))]), [], []);
}
