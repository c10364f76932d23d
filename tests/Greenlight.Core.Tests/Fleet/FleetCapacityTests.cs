using Greenlight.Core.Fleet;

namespace Greenlight.Core.Tests.Fleet;

public sealed class FleetCapacityTests
{
    /// <summary>The worked examples on <see cref="FleetCapacity"/>, plus the odd specs.</summary>
    [Theory]
    [InlineData(1, 5, 3, 3)]
    [InlineData(1, 5, 9, 5)]
    [InlineData(2, 5, 0, 2)]
    [InlineData(0, 0, 4, 0)]
    [InlineData(6, 3, 4, 3)]
    [InlineData(-2, 5, -1, 0)]
    [InlineData(0, -1, 3, 0)]
    public void Target_MinMaxDesired_ClampsDesired(int min, int max, int desired, int expected) =>
        Assert.Equal(expected, FleetCapacity.Target(FleetScenario.Spec(desired, min, max)));

    [Theory]
    [InlineData(1, 5, 3, "desired capacity 3")]
    [InlineData(1, 5, 9, "desired capacity 9 (max size 5)")]
    [InlineData(2, 5, 0, "desired capacity 0 (min size 2)")]
    public void Describe_ClampedDesired_NamesTheBound(int min, int max, int desired, string expected) =>
        Assert.Equal(expected, FleetCapacity.Describe(FleetScenario.Spec(desired, min, max)));

    [Theory]
    [InlineData(LifecycleState.Pending, true)]
    [InlineData(LifecycleState.PendingWait, true)]
    [InlineData(LifecycleState.InService, true)]
    [InlineData(LifecycleState.Terminating, false)]
    [InlineData(LifecycleState.TerminatingWait, false)]
    [InlineData(LifecycleState.Terminated, false)]
    public void IsLive_State_CountsOnlyLaunchingAndInService(LifecycleState state, bool expected) =>
        Assert.Equal(expected, FleetCapacity.IsLive(state));
}
