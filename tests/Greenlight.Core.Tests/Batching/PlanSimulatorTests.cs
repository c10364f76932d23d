using Greenlight.Core.Batching;
using Greenlight.Core.Lifecycle;

namespace Greenlight.Core.Tests.Batching;

public sealed class PlanSimulatorTests
{
    public static TheoryData<string, int, int[], string, string> Examples => new()
    {
        // (config, N, failing instances, batches as instance lists, verdict rule text) — codedeploy-semantics §4.4
        { "HOST_COUNT:9", 10, [], "1|2|3|4|5|6|7|8|9|10", "Succeeded (healthy 10 ≥ minimum 9)" },
        { "HOST_COUNT:9", 10, [3], "1|2|3", "Failed: HEALTH_CONSTRAINTS (7 instances never attempted: healthy capacity 9 would drop below minimum 9)" },
        { "HOST_COUNT:9", 10, [10], "1|2|3|4|5|6|7|8|9|10", "Succeeded (healthy 9 ≥ minimum 9)" },
        { "CodeDeployDefault.OneAtATime", 10, [3], "1|2|3", "Failed: HEALTH_CONSTRAINTS (7 instances never attempted: healthy capacity 9 would drop below minimum 9)" },
        { "CodeDeployDefault.OneAtATime", 10, [10], "1|2|3|4|5|6|7|8|9|10", "Succeeded (healthy 9 ≥ minimum 9)" },
        { "CodeDeployDefault.OneAtATime", 1, [], "1", "Succeeded (healthy 1 ≥ at least 1)" },
        { "CodeDeployDefault.OneAtATime", 1, [1], "1", "Failed: HEALTH_CONSTRAINTS (healthy 0 < at least 1)" },
        { "HOST_COUNT:8", 10, [], "1,2|3,4|5,6|7,8|9,10", "Succeeded (healthy 10 ≥ minimum 8)" },
        { "HOST_COUNT:8", 10, [3, 10], "1,2|3,4|5|6|7|8|9|10", "Succeeded (healthy 8 ≥ minimum 8)" },
        { "HOST_COUNT:8", 10, [3, 9], "1,2|3,4|5|6|7|8|9", "Failed: HEALTH_CONSTRAINTS (1 instance never attempted: healthy capacity 8 would drop below minimum 8)" },
        { "HOST_COUNT:8", 10, [3, 4], "1,2|3,4", "Failed: HEALTH_CONSTRAINTS (6 instances never attempted: healthy capacity 8 would drop below minimum 8)" },
        { "HOST_COUNT:0", 10, [], "1,2,3,4,5,6,7,8,9,10", "Succeeded (healthy 10 ≥ at least 1)" },
        { "CodeDeployDefault.AllAtOnce", 4, [1, 2, 3], "1,2,3,4", "Succeeded (healthy 1 ≥ at least 1)" },
        { "CodeDeployDefault.AllAtOnce", 4, [1, 2, 3, 4], "1,2,3,4", "Failed: HEALTH_CONSTRAINTS (healthy 0 < at least 1)" },
        { "FLEET_PERCENT:95", 10, [], "", "Failed: HEALTH_CONSTRAINTS_INVALID (minimum 10 ≥ 10 instances: cannot deploy without dropping below the minimum)" },
        { "HOST_COUNT:6", 9, [], "1,2,3|4,5,6|7,8,9", "Succeeded (healthy 9 ≥ minimum 6)" },
        { "HOST_COUNT:6", 9, [1, 2, 3], "1,2,3", "Failed: HEALTH_CONSTRAINTS (6 instances never attempted: healthy capacity 6 would drop below minimum 6)" },
        { "FLEET_PERCENT:40", 9, [], "1,2,3,4,5|6,7,8,9", "Succeeded (healthy 9 ≥ minimum 4)" },
        { "FLEET_PERCENT:40", 9, [1, 2, 3, 4, 5], "1,2,3,4,5", "Failed: HEALTH_CONSTRAINTS (4 instances never attempted: healthy capacity 4 would drop below minimum 4)" },
        { "FLEET_PERCENT:40", 9, [5, 6, 7, 8, 9], "1,2,3,4,5|6,7,8,9", "Succeeded (healthy 4 ≥ minimum 4)" },
        { "CodeDeployDefault.HalfAtATime", 9, [], "1,2,3,4|5,6,7,8|9", "Succeeded (healthy 9 ≥ minimum 5)" },
        { "CodeDeployDefault.HalfAtATime", 9, [1, 2], "1,2,3,4|5,6|7,8|9", "Succeeded (healthy 7 ≥ minimum 5)" },
        { "CodeDeployDefault.HalfAtATime", 1, [], "", "Failed: HEALTH_CONSTRAINTS_INVALID (minimum 1 ≥ 1 instances: cannot deploy without dropping below the minimum)" },
        { "CodeDeployDefault.OneAtATime", 0, [], "", "Failed: NO_INSTANCES (no instances to deploy to)" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Run_DocumentedExamples_BatchesAndVerdict(string config, int n, int[] failing, string batches, string verdict)
    {
        var plan = PlanSimulator.Run(Configs.Parse(config), n, failing, withLoadBalancer: false);

        Assert.Equal(batches, string.Join("|", plan.Batches.Select(b => string.Join(",", b.InstanceNumbers))));
        Assert.Equal(verdict, plan.Verdict.RuleText);
    }

    [Fact]
    public void Run_Min8WithFailures_HealthyAfterEachBatch()
    {
        var plan = PlanSimulator.Run(Configs.Parse("HOST_COUNT:8"), 10, [3, 4], withLoadBalancer: false);

        Assert.Equal([10, 8], plan.Batches.Select(b => b.HealthyAfter));
        Assert.Equal([(2, 0), (0, 2)], plan.Batches.Select(b => (b.Succeeded, b.Failed)));
    }

    [Fact]
    public void Run_FailureOnThird_InstancesHaveOutcomesAndEvents()
    {
        var plan = PlanSimulator.Run(DeploymentConfiguration.OneAtATime, 5, [3], withLoadBalancer: true);

        Assert.Equal(
            [InstanceOutcome.Succeeded, InstanceOutcome.Succeeded, InstanceOutcome.Failed, InstanceOutcome.Skipped, InstanceOutcome.Skipped],
            plan.Instances.Select(i => i.Outcome));
        Assert.Equal(LifecycleScenario.InPlaceWithLoadBalancer, plan.Scenario);
        Assert.Equal(plan.Lifecycle.Select(s => s.Event), plan.Instances[0].EventsRun);
        Assert.Equal(LifecycleEvent.ValidateService, plan.Instances[2].FailedAt);
        Assert.Equal(LifecycleEvent.ValidateService, plan.Instances[2].EventsRun[^1]);
        Assert.Empty(plan.Instances[3].EventsRun);
        Assert.Null(plan.Instances[3].BatchNumber);
        Assert.Equal(3, plan.Instances[2].BatchNumber);
    }

    [Fact]
    public void Run_FailingAtAllowTraffic_RunsUpToIt()
    {
        var plan = PlanSimulator.Run(DeploymentConfiguration.AllAtOnce, 2, [1], withLoadBalancer: true, LifecycleEvent.AllowTraffic);

        Assert.Equal(LifecycleEvent.AllowTraffic, plan.Instances[0].EventsRun[^1]);
    }

    [Fact]
    public void Run_FailingEventNotInScenario_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            PlanSimulator.Run(DeploymentConfiguration.AllAtOnce, 2, [1], withLoadBalancer: false, LifecycleEvent.AllowTraffic));

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Run_FailingNumberOutOfRange_Throws(int number) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PlanSimulator.Run(DeploymentConfiguration.AllAtOnce, 10, [number], false));
}
