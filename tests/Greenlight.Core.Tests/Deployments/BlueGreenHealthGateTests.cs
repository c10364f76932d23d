using Greenlight.Core.Deployments;
using Greenlight.Core.Traffic;

namespace Greenlight.Core.Tests.Deployments;

/// <summary>
/// Green's health gates each traffic step (the worked example of DeploymentMachine.OnGreenHealth): an unhealthy green
/// target holds the next step past the end of the bake, and the shift fails if it stays unhealthy too long.
/// </summary>
public sealed class BlueGreenHealthGateTests
{
    private static MachineDriver InCanaryBake()
    {
        var driver = new MachineDriver(BlueGreenScenarioTests.Spec(TrafficSchedule.Canary(10, TimeSpan.FromMinutes(5))));
        driver.Observe(new StartRequested());
        driver.AnswerPending();
        driver.Advance(TimeSpan.FromMinutes(2));
        return driver;
    }

    [Fact]
    public void Decide_GreenUnhealthyDuringCanary_HoldsTheNextStepUntilItPassesAgain()
    {
        var driver = InCanaryBake();
        driver.Observe(new TargetHealthChanged("g-2", false));
        driver.Advance(TimeSpan.FromMinutes(4));

        var held = driver.Observe(new Tick());
        var passed = driver.Observe(new TargetHealthChanged("g-2", true));

        Assert.DoesNotContain(held.Commands, c => c is SetTrafficWeights);
        Assert.Equal(10, held.Next.Traffic.GreenWeight);
        Assert.Equal(MachineDriver.T0 + TimeSpan.FromMinutes(5) + DeploymentTimeouts.Default.AllowTraffic, held.WakeAt);
        Assert.Equal(["weights 0/100"], passed.Commands.Where(c => c is SetTrafficWeights).Select(MachineDriver.Format));
    }

    [Fact]
    public void Decide_GreenUnhealthyPastTheAllowTrafficTimeout_FailsAndPutsTrafficBackOnBlue()
    {
        var driver = InCanaryBake();
        driver.Observe(new TargetHealthChanged("g-1", false));
        driver.Advance(TimeSpan.FromMinutes(3) + DeploymentTimeouts.Default.AllowTraffic);

        var decision = driver.Observe(new Tick());

        Assert.Equal(DeploymentStatus.Failed, decision.Next.Status);
        Assert.Equal(DeploymentErrorCode.CustomerApplicationUnhealthy, decision.Failure!.Code);
        Assert.Contains("weights 100/0", decision.Commands.Select(MachineDriver.Format));
    }

    [Fact]
    public void Decide_SameGreenVerdictTwice_IsStale()
    {
        var driver = InCanaryBake();
        driver.Observe(new TargetHealthChanged("g-1", false));

        var again = driver.Observe(new TargetHealthChanged("g-1", false));
        var healthyAlready = driver.Observe(new TargetHealthChanged("g-2", true));

        Assert.Equal(RejectionCode.Stale, again.Rejection?.Code);
        Assert.Equal(RejectionCode.Stale, healthyAlready.Rejection?.Code);
    }

    [Fact]
    public void Decide_GreenHealthyThroughTheBake_ShiftsOnTime()
    {
        var driver = InCanaryBake();
        driver.Observe(new TargetHealthChanged("g-1", false));
        driver.Observe(new TargetHealthChanged("g-1", true));
        driver.Advance(TimeSpan.FromMinutes(3));

        var decision = driver.Observe(new Tick());

        Assert.Contains("weights 0/100", decision.Commands.Select(MachineDriver.Format));
    }
}
