using System.Collections.Immutable;
using Greenlight.Core.Alarms;
using Greenlight.Core.Batching;
using Greenlight.Core.Deployments;
using Greenlight.Core.Traffic;

namespace Greenlight.Core.Tests.Deployments;

/// <summary>Blue/green: provisioning, install on green, traffic steps, blocking blue, retiring blue, and rollback.</summary>
public sealed class BlueGreenScenarioTests
{
    internal static DeploymentSpec Spec(TrafficSchedule traffic, TimeSpan? readyWait = null, TimeSpan? terminationWait = null) =>
        new("d-7", "rev-3", DeploymentKind.BlueGreen, DeploymentConfiguration.AllAtOnce, MachineDriver.Hosts(2, "b"))
        {
            LastKnownGoodRevision = "rev-2",
            BlueGreen = new BlueGreenOptions(GreenFleetSource.CopyAutoScalingGroup("web", "7", 2), traffic, readyWait, terminationWait ?? TimeSpan.Zero),
            Alarms = new AlarmConfiguration(true, ["web-5xx"], false),
            AutoRollback = new AutoRollbackConfiguration(true, [AutoRollbackEvent.DeploymentFailure, AutoRollbackEvent.DeploymentStopOnAlarm]),
        };

    [Fact]
    public void Decide_CanaryTenPercentFiveMinutes_ShiftsBakesBlocksBlueAndTerminatesIt()
    {
        var driver = new MachineDriver(Spec(TrafficSchedule.Canary(10, TimeSpan.FromMinutes(5))));

        var end = driver.RunToEnd();

        Assert.Equal(DeploymentStatus.Succeeded, end.Status);
        Assert.Equal(
        [
            "status InProgress",
            "provision web@7 x2",
            "run g-1 ApplicationStop", "run g-2 ApplicationStop", "run g-1 DownloadBundle", "run g-2 DownloadBundle",
            "run g-1 BeforeInstall", "run g-2 BeforeInstall", "run g-1 Install", "run g-2 Install",
            "run g-1 AfterInstall", "run g-2 AfterInstall", "run g-1 ApplicationStart", "run g-2 ApplicationStart",
            "run g-1 ValidateService", "run g-2 ValidateService",
            "run g-1 BeforeAllowTraffic", "run g-2 BeforeAllowTraffic", "register g-1", "register g-2",
            "run g-1 AfterAllowTraffic", "run g-2 AfterAllowTraffic",
            "weights 90/10",
            "weights 0/100",
            "run b-1 BeforeBlockTraffic", "run b-2 BeforeBlockTraffic", "deregister b-1", "deregister b-2",
            "run b-1 AfterBlockTraffic", "run b-2 AfterBlockTraffic",
            "terminate b-1,b-2",
            "status Succeeded",
        ], driver.Log);
        Assert.Equal(MachineDriver.T0 + TimeSpan.FromMinutes(5), end.CompletedAt);
    }

    [Fact]
    public void Decide_DuringCanaryBake_ReasonSaysWeightAndTimeLeft()
    {
        var driver = new MachineDriver(Spec(TrafficSchedule.Canary(10, TimeSpan.FromMinutes(5))));
        driver.Observe(new StartRequested());
        driver.AnswerPending();
        driver.Advance(TimeSpan.FromSeconds(48));

        var decision = driver.Observe(new AlarmChanged("web-5xx", AlarmState.Ok));

        Assert.Equal(DeploymentStatus.Baking, decision.Next.Status);
        Assert.Equal("baking at 10 % green for 4m12s more (step 1 of 2)", decision.Next.Reason);
        Assert.Equal(MachineDriver.T0 + TimeSpan.FromMinutes(5), decision.WakeAt);
    }

    [Fact]
    public void Decide_AlarmDuringCanary_PutsTrafficBackOnBlueInTheSameDecisionAndAsksForRollback()
    {
        var driver = new MachineDriver(Spec(TrafficSchedule.Canary(10, TimeSpan.FromMinutes(5))));
        driver.Observe(new StartRequested());
        driver.AnswerPending();
        driver.Advance(TimeSpan.FromMinutes(2));

        var decision = driver.Observe(new AlarmChanged("web-5xx", AlarmState.Alarm, "5xx 12 % > 5 % over 3 of 3 periods"));

        Assert.Equal(DeploymentStatus.Stopped, decision.Next.Status);
        Assert.Equal(DeploymentErrorCode.AlarmActive, decision.Failure!.Code);
        Assert.Equal(["status Stopped", "weights 100/0", "rollback BlueGreenRollback rev-2"], decision.Commands.Select(MachineDriver.Format));
        var rollback = Assert.IsType<StartRollbackDeployment>(decision.Commands[^1]);
        Assert.Equal(["b-1", "b-2"], rollback.Originals.AsEnumerable());
        Assert.Equal(["g-1", "g-2"], rollback.Replacements.AsEnumerable());
        Assert.Contains("alarm web-5xx in ALARM since 10:02:00: 5xx 12 % > 5 % over 3 of 3 periods", decision.Next.Reason, StringComparison.Ordinal);
        Assert.True(decision.Next.Rollback!.AwaitingDeployment);
    }

    [Fact]
    public void Decide_RollbackDeploymentCreatedAfterStop_LinksTheRollback()
    {
        var driver = new MachineDriver(Spec(TrafficSchedule.Canary(10, TimeSpan.FromMinutes(5))));
        driver.Observe(new StartRequested());
        driver.AnswerPending();
        driver.Observe(new AlarmChanged("web-5xx", AlarmState.Alarm));

        var linked = driver.Observe(new RollbackDeploymentCreated("d-8"));
        var again = driver.Observe(new RollbackDeploymentCreated("d-9"));

        Assert.Equal("d-8", linked.Next.Rollback!.RollbackDeploymentId);
        Assert.Equal(RejectionCode.NotApplicable, again.Rejection!.Code);
        Assert.Equal("d-8", again.Next.Rollback!.RollbackDeploymentId);
    }

    [Fact]
    public void Decide_BlueGreenRollbackDeployment_RestoresWeightsAllowsBlueBlocksGreenAndRetiresGreen()
    {
        var spec = new DeploymentSpec("d-8", "rev-2", DeploymentKind.BlueGreenRollback, DeploymentConfiguration.AllAtOnce, MachineDriver.Hosts(2, "b"))
        {
            Creator = DeploymentCreator.Rollback,
            Replacements = MachineDriver.Hosts(1, "g"),
            RollbackTriggeringDeploymentId = "d-7",
        };
        var driver = new MachineDriver(spec);

        var end = driver.RunToEnd();

        Assert.Equal(DeploymentStatus.Succeeded, end.Status);
        Assert.Equal("d-7", end.Rollback!.RollbackTriggeringDeploymentId);
        Assert.Equal(
        [
            "status InProgress", "weights 100/0",
            "run b-1 BeforeAllowTraffic", "run b-2 BeforeAllowTraffic", "register b-1", "register b-2",
            "run b-1 AfterAllowTraffic", "run b-2 AfterAllowTraffic",
            "run g-1 BeforeBlockTraffic", "deregister g-1", "run g-1 AfterBlockTraffic",
            "terminate g-1", "status Succeeded",
        ], driver.Log);
    }

    [Fact]
    public void Decide_ReadyWaitThenContinue_WaitsInReadyAndProceeds()
    {
        var driver = new MachineDriver(Spec(TrafficSchedule.AllAtOnce, readyWait: TimeSpan.FromHours(1)));
        driver.Observe(new StartRequested());
        driver.AnswerPending();
        Assert.Equal(DeploymentStatus.Ready, driver.State.Status);
        Assert.All(driver.State.Instances.Where(i => i.Role == InstanceRole.Replacement), i => Assert.Equal(InstanceStatus.Ready, i.Status));

        var continued = driver.Observe(new ContinueRequested(ContinueKind.ReadyWait));

        Assert.Equal(DeploymentStatus.InProgress, continued.Next.Status);
        Assert.Equal(DeploymentStatus.Succeeded, driver.RunToEnd().Status);
    }

    [Fact]
    public void Decide_ReadyWaitExpires_StopsAndRetiresGreenByRollback()
    {
        var driver = new MachineDriver(Spec(TrafficSchedule.AllAtOnce, readyWait: TimeSpan.FromMinutes(30)));

        var end = driver.RunToEnd();

        Assert.Equal(DeploymentStatus.Stopped, end.Status);
        Assert.Equal(DeploymentErrorCode.Timeout, end.Failure!.Code);
        Assert.Equal(MachineDriver.T0 + TimeSpan.FromMinutes(30), end.CompletedAt);
        Assert.DoesNotContain("weights 100/0", driver.Log);
        Assert.Equal("rollback BlueGreenRollback rev-2", driver.Log[^1]);
    }

    [Fact]
    public void Decide_ContinueWhenNotReady_IsRejected()
    {
        var driver = new MachineDriver(Spec(TrafficSchedule.AllAtOnce));
        driver.Observe(new StartRequested());

        var decision = driver.Observe(new ContinueRequested(ContinueKind.ReadyWait));

        Assert.Equal(RejectionCode.NotApplicable, decision.Rejection!.Code);
        Assert.Same(driver.State, decision.Next);
    }

    [Fact]
    public void Decide_KeepAlive_SucceedsWithoutTerminatingBlue()
    {
        var spec = Spec(TrafficSchedule.AllAtOnce) with
        {
            BlueGreen = new BlueGreenOptions(GreenFleetSource.DiscoverExisting(["g-1"]), TrafficSchedule.AllAtOnce, null, null),
        };
        var driver = new MachineDriver(spec);

        var end = driver.RunToEnd();

        Assert.Equal(DeploymentStatus.Succeeded, end.Status);
        Assert.DoesNotContain(driver.Log, l => l.StartsWith("terminate", StringComparison.Ordinal));
        Assert.DoesNotContain(driver.Log, l => l.StartsWith("provision", StringComparison.Ordinal));
        Assert.Contains("KEEP_ALIVE", end.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_TerminationWaitSkippedByContinue_TerminatesAtOnce()
    {
        var driver = new MachineDriver(Spec(TrafficSchedule.AllAtOnce, terminationWait: TimeSpan.FromHours(1)));
        driver.Observe(new StartRequested());
        driver.AnswerPending();
        Assert.Equal(DeploymentPhase.WaitingToTerminate, driver.State.Phase);

        var decision = driver.Observe(new ContinueRequested(ContinueKind.TerminationWait));

        Assert.Equal(DeploymentStatus.Succeeded, decision.Next.Status);
        Assert.Contains("terminate b-1,b-2", decision.Commands.Select(MachineDriver.Format));
    }

    [Fact]
    public void Decide_GreenInstallFails_FailsAndRollsBackWithoutTouchingWeights()
    {
        var driver = new MachineDriver(Spec(TrafficSchedule.Linear(25, TimeSpan.FromMinutes(1))))
        {
            // AllAtOnce needs one green success; both fail.
            Outcome = (host, e) => !(host.StartsWith('g') && e == Core.Lifecycle.LifecycleEvent.AfterInstall),
        };

        var end = driver.RunToEnd();

        Assert.Equal(DeploymentStatus.Failed, end.Status);
        Assert.DoesNotContain(driver.Log, l => l.StartsWith("weights", StringComparison.Ordinal));
        Assert.Equal("rollback BlueGreenRollback rev-2", driver.Log[^1]);
    }

    [Fact]
    public void Decide_GreenProvisioningFails_FailsWithAutoScalingConfiguration()
    {
        var driver = new MachineDriver(Spec(TrafficSchedule.AllAtOnce));
        driver.Observe(new StartRequested());

        var decision = driver.Observe(new GreenFleetFailed("launch template 7 not found"));

        Assert.Equal(DeploymentErrorCode.AutoScalingConfiguration, decision.Failure!.Code);
        Assert.DoesNotContain(decision.Commands, c => c is StartRollbackDeployment);
    }

    [Fact]
    public void Decide_GreenProvisionedTwiceOrEmpty_IsRejected()
    {
        var driver = new MachineDriver(Spec(TrafficSchedule.AllAtOnce));
        driver.Observe(new StartRequested());

        Assert.Equal(RejectionCode.Invalid, driver.Observe(new GreenFleetProvisioned(ImmutableArray<string>.Empty)).Rejection!.Code);
        Assert.Null(driver.Observe(new GreenFleetProvisioned(["g-1"])).Rejection);
        Assert.Equal(RejectionCode.NotApplicable, driver.Observe(new GreenFleetProvisioned(["g-1"])).Rejection!.Code);
    }
}
