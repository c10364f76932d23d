using Greenlight.Core.Batching;
using Greenlight.Core.Deployments;
using static Greenlight.Core.Batching.InstanceProgress;

namespace Greenlight.Core.Tests.Batching;

public sealed class BatchPlannerTests
{
    private static readonly ResolvedHealth TenMin8 = HealthConstraints.Resolve(Configs.Parse("HOST_COUNT:8"), 10);

    [Fact]
    public void NextToStart_Fresh_StartsUpToCapInOrder() =>
        Assert.Equal([0, 1], BatchPlanner.NextToStart(TenMin8, Fleet(Pending, 10)).ToArray());

    [Fact]
    public void NextToStart_OneFailedOneInFlight_StartsNothing()
    {
        InstanceProgress[] progress = [Failed, InFlight, .. Fleet(Pending, 8)];

        Assert.Empty(BatchPlanner.NextToStart(TenMin8, progress));
        Assert.Null(BatchPlanner.Verdict(TenMin8, progress));
    }

    [Fact]
    public void NextToStart_OneFailedNothingInFlight_StartsOneOnly() =>
        Assert.Equal([2], BatchPlanner.NextToStart(TenMin8, [Failed, Succeeded, .. Fleet(Pending, 8)]).ToArray());

    [Fact]
    public void NextToStart_SkipsNonPendingInstances() =>
        Assert.Equal([1, 3], BatchPlanner.NextToStart(TenMin8, [Succeeded, Pending, Succeeded, Pending, .. Fleet(Succeeded, 6)]).ToArray());

    [Fact]
    public void NextToStart_AtCap_StartsNothing() =>
        Assert.Empty(BatchPlanner.NextToStart(TenMin8, [InFlight, InFlight, .. Fleet(Pending, 8)]));

    [Fact]
    public void NextToStart_Invalid_StartsNothing() =>
        Assert.Empty(BatchPlanner.NextToStart(HealthConstraints.Resolve(Configs.Parse("FLEET_PERCENT:95"), 10), Fleet(Pending, 10)));

    [Fact]
    public void NextToStart_WrongProgressLength_Throws() =>
        Assert.Throws<ArgumentException>(() => BatchPlanner.NextToStart(TenMin8, Fleet(Pending, 9)));

    [Fact]
    public void Verdict_TwoFailedRestPending_FailsHealthConstraintsNamingNeverAttempted()
    {
        var verdict = BatchPlanner.Verdict(TenMin8, [Failed, Failed, .. Fleet(Pending, 8)]);

        Assert.Equal(
            "Failed: HEALTH_CONSTRAINTS (8 instances never attempted: healthy capacity 8 would drop below minimum 8)",
            verdict?.RuleText);
    }

    [Fact]
    public void Verdict_TwoFailedLast_Succeeds()
    {
        var verdict = BatchPlanner.Verdict(TenMin8, [.. Fleet(Succeeded, 8), Failed, Failed]);

        Assert.Equal("Succeeded (healthy 8 ≥ minimum 8)", verdict?.RuleText);
    }

    [Fact]
    public void Verdict_AllAtOnceAllFailed_FailsAtLeastOne()
    {
        var allAtOnce = HealthConstraints.Resolve(DeploymentConfiguration.AllAtOnce, 3);

        var verdict = BatchPlanner.Verdict(allAtOnce, Fleet(Failed, 3));

        Assert.Equal("Failed: HEALTH_CONSTRAINTS (healthy 0 < at least 1)", verdict?.RuleText);
    }

    [Fact]
    public void Verdict_NoInstances_FailsNoInstances() =>
        Assert.Equal(DeploymentErrorCode.NoInstances,
            BatchPlanner.Verdict(HealthConstraints.Resolve(DeploymentConfiguration.OneAtATime, 0), [])?.ErrorCode);

    [Fact]
    public void Verdict_MinAtLeastN_FailsInvalidBeforeStarting() =>
        Assert.Equal(
            "Failed: HEALTH_CONSTRAINTS_INVALID (minimum 10 ≥ 10 instances: cannot deploy without dropping below the minimum)",
            BatchPlanner.Verdict(HealthConstraints.Resolve(Configs.Parse("FLEET_PERCENT:95"), 10), Fleet(Pending, 10))?.RuleText);

    [Fact]
    public void Verdict_PendingThatMayStart_IsNull() =>
        Assert.Null(BatchPlanner.Verdict(TenMin8, Fleet(Pending, 10)));

    private static InstanceProgress[] Fleet(InstanceProgress p, int count) => Enumerable.Repeat(p, count).ToArray();
}
