using Greenlight.Core.Batching;
using Greenlight.Core.Deployments;

namespace Greenlight.Core.Tests.Batching;

public sealed class HealthConstraintsTests
{
    public static TheoryData<string, int, int, int, int, DeploymentErrorCode?> Examples => new()
    {
        // codedeploy-semantics §4.4, documented examples: (config, N, min healthy, max in flight, required successes, invalid)
        { "HOST_COUNT:9", 10, 9, 1, 9, null },
        { "HOST_COUNT:8", 10, 8, 2, 8, null },
        { "HOST_COUNT:0", 10, 0, 10, 1, null },
        { "FLEET_PERCENT:95", 10, 10, 0, 10, DeploymentErrorCode.HealthConstraintsInvalid },
        { "HOST_COUNT:6", 9, 6, 3, 6, null },
        { "FLEET_PERCENT:40", 9, 4, 5, 4, null },
        { "CodeDeployDefault.HalfAtATime", 9, 5, 4, 5, null },
        { "CodeDeployDefault.AllAtOnce", 9, 0, 9, 1, null },
        { "CodeDeployDefault.AllAtOnce", 1, 0, 1, 1, null },
        { "CodeDeployDefault.OneAtATime", 10, 9, 1, 9, null },
        { "CodeDeployDefault.OneAtATime", 1, 0, 1, 1, null },
        { "CodeDeployDefault.OneAtATime", 2, 1, 1, 1, null },
        // Open point: a single-instance HalfAtATime rounds up to min 1 >= 1 and is rejected.
        { "CodeDeployDefault.HalfAtATime", 1, 1, 0, 1, DeploymentErrorCode.HealthConstraintsInvalid },
        { "CodeDeployDefault.HalfAtATime", 2, 1, 1, 1, null },
        { "CodeDeployDefault.HalfAtATime", 5, 3, 2, 3, null },
        { "CodeDeployDefault.HalfAtATime", 6, 3, 3, 3, null },
        // No instances: NO_INSTANCES whatever the configuration.
        { "CodeDeployDefault.OneAtATime", 0, 0, 0, 1, DeploymentErrorCode.NoInstances },
        { "CodeDeployDefault.AllAtOnce", 0, 0, 0, 1, DeploymentErrorCode.NoInstances },
        { "FLEET_PERCENT:50", 0, 0, 0, 1, DeploymentErrorCode.NoInstances },
        { "HOST_COUNT:3", 0, 3, 0, 3, DeploymentErrorCode.NoInstances },
        // Odd percentages round up.
        { "FLEET_PERCENT:1", 1, 1, 0, 1, DeploymentErrorCode.HealthConstraintsInvalid },
        { "FLEET_PERCENT:33", 3, 1, 2, 1, null },
        { "FLEET_PERCENT:67", 3, 3, 0, 3, DeploymentErrorCode.HealthConstraintsInvalid },
        { "FLEET_PERCENT:49", 7, 4, 3, 4, null },
        { "FLEET_PERCENT:51", 7, 4, 3, 4, null },
        { "FLEET_PERCENT:99", 4, 4, 0, 4, DeploymentErrorCode.HealthConstraintsInvalid },
        { "FLEET_PERCENT:1", 100, 1, 99, 1, null },
        { "FLEET_PERCENT:33", 100, 33, 67, 33, null },
        { "FLEET_PERCENT:95", 100, 95, 5, 95, null },
        { "FLEET_PERCENT:99", 100, 99, 1, 99, null },
        { "FLEET_PERCENT:0", 100, 0, 100, 1, null },
        // HOST_COUNT at and above N.
        { "HOST_COUNT:10", 10, 10, 0, 10, DeploymentErrorCode.HealthConstraintsInvalid },
        { "HOST_COUNT:12", 10, 12, 0, 12, DeploymentErrorCode.HealthConstraintsInvalid },
        { "HOST_COUNT:1", 1, 1, 0, 1, DeploymentErrorCode.HealthConstraintsInvalid },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Resolve_DocumentedAndEdgeExamples_Match(
        string config, int n, int min, int cap, int required, DeploymentErrorCode? invalid)
    {
        var resolved = HealthConstraints.Resolve(Configs.Parse(config), n);

        Assert.Equal(n, resolved.InstanceCount);
        Assert.Equal(min, resolved.MinHealthy);
        Assert.Equal(cap, resolved.MaxInFlight);
        Assert.Equal(required, resolved.RequiredSuccesses);
        Assert.Equal(invalid, resolved.Invalid);
    }

    public static TheoryData<int, int> TotalsAndOddPercentages()
    {
        var data = new TheoryData<int, int>();
        foreach (var n in Enumerable.Range(0, 11).Append(100))
        {
            foreach (var p in new[] { 0, 1, 7, 13, 33, 49, 50, 51, 67, 75, 99 })
            {
                data.Add(n, p);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TotalsAndOddPercentages))]
    public void Resolve_FleetPercent_RoundsUpAndCapsAtNMinusMin(int n, int percent)
    {
        var resolved = HealthConstraints.Resolve(Configs.Parse($"FLEET_PERCENT:{percent}"), n);
        var expectedMin = (int)Math.Ceiling(n * percent / 100m);

        Assert.Equal(expectedMin, resolved.MinHealthy);
        if (n == 0)
        {
            Assert.Equal(DeploymentErrorCode.NoInstances, resolved.Invalid);
        }
        else if (expectedMin >= n)
        {
            Assert.Equal(DeploymentErrorCode.HealthConstraintsInvalid, resolved.Invalid);
            Assert.Equal(0, resolved.MaxInFlight);
        }
        else
        {
            Assert.Null(resolved.Invalid);
            Assert.Equal(n - expectedMin, resolved.MaxInFlight);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(100)]
    public void Resolve_OneAtATime_MinIsNMinusOneCapIsOne(int n)
    {
        var resolved = HealthConstraints.Resolve(DeploymentConfiguration.OneAtATime, n);

        Assert.Equal((n - 1, 1, true), (resolved.MinHealthy, resolved.MaxInFlight, resolved.IsOneAtATime));
        Assert.True(resolved.IsValid);
    }

    [Fact]
    public void Resolve_NegativeInstanceCount_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HealthConstraints.Resolve(DeploymentConfiguration.AllAtOnce, -1));
}
