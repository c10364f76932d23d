using Greenlight.Core.Batching;
using Greenlight.Core.Deployments;
using Greenlight.Core.Lifecycle;

namespace Greenlight.Core.Tests.Deployments;

/// <summary>In-place happy paths and failures, listing the exact ordered commands (argo-rollouts e2e style).</summary>
public sealed class InPlaceScenarioTests
{
    private static DeploymentSpec Spec(int hosts, DeploymentConfiguration config, bool loadBalancer = false) =>
        new("d-1", "rev-2", DeploymentKind.InPlace, config, MachineDriver.Hosts(hosts))
        {
            WithTrafficControl = loadBalancer,
            LastKnownGoodRevision = "rev-1",
        };

    [Fact]
    public void Decide_TwoHostsOneAtATimeWithoutLoadBalancer_RunsEveryEventInOrderOneHostAtATime()
    {
        var driver = new MachineDriver(Spec(2, DeploymentConfiguration.OneAtATime));

        var end = driver.RunToEnd();

        Assert.Equal(DeploymentStatus.Succeeded, end.Status);
        Assert.Equal(
        [
            "status InProgress",
            "run i-1 ApplicationStop", "run i-1 DownloadBundle", "run i-1 BeforeInstall", "run i-1 Install",
            "run i-1 AfterInstall", "run i-1 ApplicationStart", "run i-1 ValidateService",
            "run i-2 ApplicationStop", "run i-2 DownloadBundle", "run i-2 BeforeInstall", "run i-2 Install",
            "run i-2 AfterInstall", "run i-2 ApplicationStart", "run i-2 ValidateService",
            "status Succeeded",
        ], driver.Log);
        Assert.All(end.Instances, i => Assert.Equal(InstanceStatus.Succeeded, i.Status));
    }

    [Fact]
    public void Decide_OneHostWithLoadBalancer_BlocksTrafficBeforeAndAllowsAfterInstall()
    {
        var driver = new MachineDriver(Spec(1, DeploymentConfiguration.OneAtATime, loadBalancer: true));

        driver.RunToEnd();

        Assert.Equal(
        [
            "status InProgress",
            "run i-1 BeforeBlockTraffic", "deregister i-1", "run i-1 AfterBlockTraffic",
            "run i-1 ApplicationStop", "run i-1 DownloadBundle", "run i-1 BeforeInstall", "run i-1 Install",
            "run i-1 AfterInstall", "run i-1 ApplicationStart", "run i-1 ValidateService",
            "run i-1 BeforeAllowTraffic", "register i-1", "run i-1 AfterAllowTraffic",
            "status Succeeded",
        ], driver.Log);
        Assert.Equal(
            [LifecycleEvent.Start, LifecycleEvent.BeforeBlockTraffic, LifecycleEvent.BlockTraffic, LifecycleEvent.AfterBlockTraffic,
             LifecycleEvent.ApplicationStop, LifecycleEvent.DownloadBundle, LifecycleEvent.BeforeInstall, LifecycleEvent.Install,
             LifecycleEvent.AfterInstall, LifecycleEvent.ApplicationStart, LifecycleEvent.ValidateService,
             LifecycleEvent.BeforeAllowTraffic, LifecycleEvent.AllowTraffic, LifecycleEvent.AfterAllowTraffic, LifecycleEvent.End],
            driver.State.Instances[0].Events.Select(e => e.Event));
    }

    [Fact]
    public void Decide_FourHostsHalfAtATime_StartsTwoThenTwo()
    {
        var driver = new MachineDriver(Spec(4, DeploymentConfiguration.HalfAtATime));

        var started = driver.Observe(new StartRequested());

        Assert.Equal(["status InProgress", "run i-1 ApplicationStop", "run i-2 ApplicationStop"], started.Commands.Select(MachineDriver.Format));
        Assert.Contains("waiting for 2 running instances (2 on ApplicationStop)", started.Next.Reason, StringComparison.Ordinal);
        Assert.Equal(DeploymentStatus.Succeeded, driver.RunToEnd().Status);
    }

    [Fact]
    public void Decide_SchedulingOrder_UnhealthyThenUnknownThenOldThenCurrent()
    {
        var spec = Spec(0, DeploymentConfiguration.OneAtATime) with
        {
            Instances = [new("cur", RevisionHealth.Current), new("old", RevisionHealth.Old), new("unk", RevisionHealth.Unknown), new("bad", RevisionHealth.Unhealthy)],
        };

        var state = DeploymentMachine.Decide(DeploymentState.Create(spec), new StartRequested(), MachineDriver.T0).Next;

        Assert.Equal(["bad", "unk", "old", "cur"], state.Instances.Select(i => i.InstanceId));
    }

    [Fact]
    public void Decide_TenHostsMinNineFailureOnThird_FailsWithHealthConstraintsAndSkipsTheRest()
    {
        var driver = new MachineDriver(Spec(10, TestConfigurations.HostCount("min9", 9)))
        {
            Outcome = (host, e) => !(host == "i-3" && e == LifecycleEvent.AfterInstall),
        };

        var end = driver.RunToEnd();

        Assert.Equal(DeploymentStatus.Failed, end.Status);
        Assert.Equal(DeploymentErrorCode.HealthConstraints, end.Failure!.Code);
        Assert.Equal(InstanceStatus.Failed, end.Find("i-3")!.Status);
        Assert.All(end.Instances.Skip(3), i => Assert.Equal(InstanceStatus.Skipped, i.Status));
        Assert.DoesNotContain(driver.Log, l => l.StartsWith("run i-4", StringComparison.Ordinal));
        Assert.Equal(
            [EventStatus.Succeeded, EventStatus.Succeeded, EventStatus.Succeeded, EventStatus.Succeeded, EventStatus.Succeeded, EventStatus.Failed, EventStatus.Skipped, EventStatus.Skipped, EventStatus.Skipped],
            end.Find("i-3")!.Events.Select(e => e.Status));
    }

    [Fact]
    public void Decide_TenHostsMinNineFailureOnLast_Succeeds()
    {
        var driver = new MachineDriver(Spec(10, TestConfigurations.HostCount("min9", 9)))
        {
            Outcome = (host, _) => host != "i-10",
        };

        Assert.Equal(DeploymentStatus.Succeeded, driver.RunToEnd().Status);
    }

    [Theory]
    [InlineData(0, DeploymentErrorCode.NoInstances)]
    [InlineData(3, DeploymentErrorCode.HealthConstraintsInvalid)]
    public void Decide_InvalidHealthConstraints_FailsBeforeTouchingAnyHost(int hosts, DeploymentErrorCode expected)
    {
        var spec = Spec(hosts, TestConfigurations.HostCount("min3", 3));

        var decision = DeploymentMachine.Decide(DeploymentState.Create(spec), new StartRequested(), MachineDriver.T0);

        Assert.Equal(DeploymentStatus.Failed, decision.Next.Status);
        Assert.Equal(expected, decision.Failure!.Code);
        Assert.DoesNotContain(decision.Commands, c => c is RunLifecycleEvent);
    }

    [Fact]
    public void Decide_IgnoreApplicationStopFailures_ContinuesPastAFailedApplicationStop()
    {
        var spec = Spec(1, DeploymentConfiguration.OneAtATime) with { IgnoreApplicationStopFailures = true };
        var driver = new MachineDriver(spec) { Outcome = (_, e) => e != LifecycleEvent.ApplicationStop };

        var end = driver.RunToEnd();

        Assert.Equal(DeploymentStatus.Succeeded, end.Status);
        Assert.Equal(EventStatus.Failed, end.Instances[0].Events.Single(e => e.Event == LifecycleEvent.ApplicationStop).Status);
    }

    [Fact]
    public void Decide_ApplicationStopFailsWithoutIgnore_FailsTheInstance()
    {
        var driver = new MachineDriver(Spec(1, DeploymentConfiguration.OneAtATime)) { Outcome = (_, e) => e != LifecycleEvent.ApplicationStop };

        Assert.Equal(DeploymentStatus.Failed, driver.RunToEnd().Status);
    }
}
