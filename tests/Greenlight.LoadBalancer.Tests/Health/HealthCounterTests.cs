using Greenlight.LoadBalancer.Health;
using Greenlight.LoadBalancer.Status;

namespace Greenlight.LoadBalancer.Tests.Health;

public sealed class HealthCounterTests
{
    [Fact]
    public void Record_DocumentedSequence_ChangesAtTheThresholds()
    {
        var counter = new HealthCounter();
        var fail = HealthCheckResult.Fail("status 503");
        var steps = new (HealthCheckResult Result, TargetState Expected)[]
        {
            (HealthCheckResult.Pass, TargetState.Initial),
            (HealthCheckResult.Pass, TargetState.Healthy),
            (fail, TargetState.Healthy),
            (HealthCheckResult.Pass, TargetState.Healthy),
            (fail, TargetState.Healthy),
            (fail, TargetState.Unhealthy),
            (HealthCheckResult.Pass, TargetState.Unhealthy),
            (HealthCheckResult.Pass, TargetState.Healthy),
        };

        foreach (var (result, expected) in steps)
        {
            counter.Record(result, 2, 2);
            Assert.Equal(expected, counter.State);
        }
    }

    [Fact]
    public void Record_FailuresFromInitial_BecomeUnhealthyWithTheReason()
    {
        var counter = new HealthCounter();

        Assert.False(counter.Record(HealthCheckResult.Fail("connection refused"), 3, 2));
        Assert.True(counter.Record(HealthCheckResult.Fail("connection refused"), 3, 2));

        Assert.Equal(TargetState.Unhealthy, counter.State);
        Assert.Equal("HealthCheckFailed: connection refused", counter.LastFailure);
    }
}
