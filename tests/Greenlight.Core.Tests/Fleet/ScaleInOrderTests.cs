using Greenlight.Core.Fleet;
using static Greenlight.Core.Tests.Fleet.FleetScenario;

namespace Greenlight.Core.Tests.Fleet;

public sealed class ScaleInOrderTests
{
    /// <summary>The worked example on <see cref="ScaleInOrder"/>.</summary>
    [Fact]
    public void Compare_MixedInstances_LeastAlongThenOldestVersionThenOldestLaunch()
    {
        FleetInstance[] instances =
        [
            Instance("a", LifecycleState.InService, launched: 3600, version: 2),
            Instance("b", LifecycleState.InService, launched: 7200, version: 1),
            Instance("c", LifecycleState.PendingWait),
            Instance("d", LifecycleState.InService, launched: 0, version: 1),
            Instance("e", LifecycleState.Pending),
        ];

        var order = instances.Order(ScaleInOrder.Instance).Select(i => i.InstanceId);

        Assert.Equal(["e", "c", "d", "b", "a"], order);
    }

    [Theory]
    [InlineData("i-10", "i-9", -1)]
    [InlineData("i-b", "i-B", 1)]
    [InlineData("x", "x", 0)]
    public void Compare_SameStateVersionAndLaunch_OrdersByInstanceIdOrdinal(string x, string y, int expectedSign) =>
        Assert.Equal(expectedSign, Math.Sign(ScaleInOrder.Instance.Compare(
            Instance(x, LifecycleState.InService), Instance(y, LifecycleState.InService))));
}
