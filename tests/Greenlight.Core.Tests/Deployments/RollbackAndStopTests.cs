using Greenlight.Core.Alarms;
using Greenlight.Core.Batching;
using Greenlight.Core.Deployments;
using Greenlight.Core.Lifecycle;

namespace Greenlight.Core.Tests.Deployments;

/// <summary>Alarms, stops, manual rollback, the watch window and the rollback rules of codedeploy-semantics §7.</summary>
public sealed class RollbackAndStopTests
{
    private static readonly AutoRollbackConfiguration AllEvents =
        new(true, [AutoRollbackEvent.DeploymentFailure, AutoRollbackEvent.DeploymentStopOnAlarm, AutoRollbackEvent.DeploymentStopOnRequest]);

    private static DeploymentSpec Spec(string? lastGood = "rev-1", AutoRollbackConfiguration? rollback = null) =>
        new("d-2", "rev-2", DeploymentKind.InPlace, DeploymentConfiguration.OneAtATime, MachineDriver.Hosts(3))
        {
            LastKnownGoodRevision = lastGood,
            AutoRollback = rollback ?? AllEvents,
            Alarms = new AlarmConfiguration(true, ["errors"], IgnorePollAlarmFailure: false),
        };

    private static MachineDriver Failing(DeploymentSpec spec) => new(spec) { Outcome = (h, e) => !(h == "i-1" && e == LifecycleEvent.ValidateService) };

    [Fact]
    public void Decide_FailureWithRollbackOnFailure_AsksForRollbackToLastKnownGood()
    {
        var driver = Failing(Spec());

        var end = driver.RunToEnd();

        var rollback = Assert.IsType<StartRollbackDeployment>(driver.Decisions.SelectMany(d => d.Commands).Last());
        Assert.Equal(("rev-1", "d-2", DeploymentKind.InPlace), (rollback.Revision, rollback.TriggeringDeploymentId, rollback.Kind));
        Assert.StartsWith("rolling back to rev-1 (DeploymentFailure:", end.Rollback!.RollbackMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_FailureWithoutKnownGoodRevision_CreatesNoRollbackAndSaysWhy()
    {
        var driver = Failing(Spec(lastGood: null));

        var end = driver.RunToEnd();

        Assert.DoesNotContain(driver.Decisions.SelectMany(d => d.Commands), c => c is StartRollbackDeployment);
        Assert.StartsWith("could not roll back: the deployment group has no known-good revision", end.Rollback!.RollbackMessage, StringComparison.Ordinal);
        Assert.False(end.Rollback.AwaitingDeployment);
    }

    [Fact]
    public void Decide_RollbackNotCreatedAfterAsking_SaysWhyAndNoLongerAwaitsIt()
    {
        var end = Failing(Spec()).RunToEnd();

        var refused = DeploymentMachine.Decide(end, new RollbackNotCreated("the deployment group no longer exists"), end.CompletedAt!.Value);
        var again = DeploymentMachine.Decide(refused.Next, new RollbackNotCreated("twice"), end.CompletedAt!.Value);

        Assert.Null(refused.Rejection);
        Assert.False(refused.Next.Rollback!.AwaitingDeployment);
        Assert.StartsWith("could not roll back: the deployment group no longer exists (asked: rolling back to rev-1", refused.Next.Rollback.RollbackMessage, StringComparison.Ordinal);
        Assert.NotNull(again.Rejection);
    }

    [Fact]
    public void Decide_RolledBackLaterOnAnEndedDeployment_LinksItOnceOnly()
    {
        var end = new MachineDriver(Spec()).RunToEnd();

        var linked = DeploymentMachine.Decide(end, new RolledBackLater("d-9", "rev-1", "alice"), end.CompletedAt!.Value);
        var again = DeploymentMachine.Decide(linked.Next, new RolledBackLater("d-10", "rev-1", "bob"), end.CompletedAt!.Value);

        Assert.Equal(DeploymentStatus.Succeeded, end.Status);
        Assert.Equal("d-9", linked.Next.Rollback!.RollbackDeploymentId);
        Assert.Equal("rolled back later by alice: deployment d-9 redeploys rev-1", linked.Next.Rollback.RollbackMessage);
        Assert.Equal(RejectionCode.NotApplicable, again.Rejection!.Code);
        Assert.Equal("d-9", again.Next.Rollback!.RollbackDeploymentId);
    }

    [Fact]
    public void Decide_FailureWithRollbackOverriddenOff_DoesNotRollBack()
    {
        var driver = Failing(Spec(rollback: AutoRollbackConfiguration.Resolve(AllEvents, AutoRollbackConfiguration.Disabled)));

        var end = driver.RunToEnd();

        Assert.Equal(DeploymentStatus.Failed, end.Status);
        Assert.Null(end.Rollback);
    }

    [Fact]
    public void Decide_AlarmDuringInstall_StopsCancelsRunningEventAndSkipsTheRest()
    {
        var driver = new MachineDriver(Spec());
        driver.Observe(new StartRequested());

        var decision = driver.Observe(new AlarmChanged("errors", AlarmState.Alarm, "error rate 9 % > 5 %"));

        Assert.Equal(DeploymentStatus.Stopped, decision.Next.Status);
        Assert.Equal(DeploymentErrorCode.AlarmActive, decision.Failure!.Code);
        Assert.Equal(["cancel i-1 ApplicationStop", "status Stopped", "rollback InPlace rev-1"], decision.Commands.Select(MachineDriver.Format));
        Assert.Equal([InstanceStatus.Failed, InstanceStatus.Skipped, InstanceStatus.Skipped], decision.Next.Instances.Select(i => i.Status));
    }

    [Fact]
    public void Decide_AlarmNotInConfiguration_IsRejected()
    {
        var driver = new MachineDriver(Spec());
        driver.Observe(new StartRequested());

        var decision = driver.Observe(new AlarmChanged("latency", AlarmState.Alarm));

        Assert.Equal(RejectionCode.AlarmNotWatched, decision.Rejection!.Code);
        Assert.Equal(DeploymentStatus.InProgress, decision.Next.Status);
    }

    [Fact]
    public void Decide_AlarmAlreadyFiringAtStart_StopsBeforeTouchingAnyHostAndDoesNotRollBack()
    {
        var driver = new MachineDriver(Spec());
        driver.Observe(new AlarmChanged("errors", AlarmState.Alarm));

        var decision = driver.Observe(new StartRequested());

        Assert.Equal(DeploymentStatus.Stopped, decision.Next.Status);
        Assert.DoesNotContain(decision.Commands, c => c is RunLifecycleEvent or StartRollbackDeployment);
    }

    [Theory]
    [InlineData(false, "status Stopped")]
    [InlineData(true, "rollback InPlace rev-1")]
    public void Decide_StopRequest_RollsBackOnlyWhenAskedOrConfigured(bool autoRollback, string lastCommand)
    {
        var driver = new MachineDriver(Spec(rollback: new AutoRollbackConfiguration(true, [AutoRollbackEvent.DeploymentFailure])));
        driver.Observe(new StartRequested());

        var decision = driver.Observe(new StopRequested(autoRollback));

        Assert.Equal(DeploymentErrorCode.ManualStop, decision.Failure!.Code);
        Assert.Equal(lastCommand, MachineDriver.Format(decision.Commands[^1]));
    }

    [Fact]
    public void Decide_ManualRollback_RollsBackEvenWhenAutomaticRollbackIsOff()
    {
        var driver = new MachineDriver(Spec(rollback: AutoRollbackConfiguration.Disabled));
        driver.Observe(new StartRequested());

        var decision = driver.Observe(new RollbackRequested("alice"));

        Assert.Equal(DeploymentStatus.Stopped, decision.Next.Status);
        Assert.Equal("rollback InPlace rev-1", MachineDriver.Format(decision.Commands[^1]));
    }

    [Fact]
    public void Decide_AlarmPollFailure_StopsUnlessIgnored()
    {
        var strict = new MachineDriver(Spec());
        strict.Observe(new StartRequested());
        var lenient = new MachineDriver(Spec() with { Alarms = new AlarmConfiguration(true, ["errors"], IgnorePollAlarmFailure: true) });
        lenient.Observe(new StartRequested());

        Assert.Equal(DeploymentStatus.Stopped, strict.Observe(new AlarmPollFailed("timeout")).Next.Status);
        Assert.Equal(RejectionCode.NotApplicable, lenient.Observe(new AlarmPollFailed("timeout")).Rejection!.Code);
    }

    [Fact]
    public void Decide_WatchWindowWithoutAlarm_SucceedsWhenTheWindowEnds()
    {
        var driver = new MachineDriver(Spec() with { WatchWindow = TimeSpan.FromMinutes(10) });
        driver.Observe(new StartRequested());
        driver.AnswerPending();
        Assert.Equal(DeploymentStatus.Baking, driver.State.Status);
        Assert.StartsWith("watching alarms for 10m00s more", driver.State.Reason, StringComparison.Ordinal);

        var end = driver.RunToEnd();

        Assert.Equal(DeploymentStatus.Succeeded, end.Status);
        Assert.Equal(MachineDriver.T0 + TimeSpan.FromMinutes(10), end.CompletedAt);
    }

    [Fact]
    public void Decide_AlarmInWatchWindow_StopsAndRollsBack()
    {
        var driver = new MachineDriver(Spec() with { WatchWindow = TimeSpan.FromMinutes(10) });
        driver.Observe(new StartRequested());
        driver.AnswerPending();
        driver.Advance(TimeSpan.FromMinutes(3));

        var decision = driver.Observe(new AlarmChanged("errors", AlarmState.Alarm));

        Assert.Equal(DeploymentStatus.Stopped, decision.Next.Status);
        Assert.Equal("rollback InPlace rev-1", MachineDriver.Format(decision.Commands[^1]));
    }

    [Fact]
    public void Decide_RollbackDeployment_NeitherStopsOnAlarmNorRollsBackItself()
    {
        var spec = Spec() with { Creator = DeploymentCreator.Rollback, RollbackTriggeringDeploymentId = "d-1" };
        var driver = new MachineDriver(spec) { Outcome = (h, e) => !(h == "i-1" && e == LifecycleEvent.ValidateService) };
        driver.Observe(new StartRequested());

        Assert.Null(driver.Observe(new AlarmChanged("errors", AlarmState.Alarm)).Rejection);
        var end = driver.RunToEnd();

        Assert.Equal(DeploymentStatus.Failed, end.Status);
        Assert.DoesNotContain(driver.Decisions.SelectMany(d => d.Commands), c => c is StartRollbackDeployment);
        Assert.Equal("d-1", end.Rollback!.RollbackTriggeringDeploymentId);
    }

    [Fact]
    public void Decide_AnyObservationAfterTheEnd_IsRejectedAsCompleted()
    {
        var driver = new MachineDriver(Spec());
        driver.RunToEnd();

        var decision = driver.Observe(new StopRequested(true));

        Assert.Equal(RejectionCode.DeploymentCompleted, decision.Rejection!.Code);
        Assert.Empty(decision.Commands);
    }
}
