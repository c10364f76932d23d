using Greenlight.Core.Batching;
using Greenlight.Core.Deployments;
using Greenlight.Core.Lifecycle;

namespace Greenlight.Core.Tests.Deployments;

/// <summary>Launch and termination deployments, scale-out and instance loss mid-deployment, and deadlines.</summary>
public sealed class AutoScalingAndTimerTests
{
    private static DeploymentSpec Launch(bool loadBalancer) =>
        new("d-a1", "rev-1", DeploymentKind.AutoScalingLaunch, DeploymentConfiguration.OneAtATime, MachineDriver.Hosts(1, "n"))
        {
            Creator = DeploymentCreator.AutoScaling,
            WithTrafficControl = loadBalancer,
        };

    [Fact]
    public void Decide_LaunchDeploymentWithLoadBalancer_InstallsAllowsTrafficAndAnswersContinue()
    {
        var driver = new MachineDriver(Launch(loadBalancer: true));

        driver.RunToEnd();

        Assert.Equal(
        [
            "status InProgress",
            "run n-1 ApplicationStop", "run n-1 DownloadBundle", "run n-1 BeforeInstall", "run n-1 Install", "run n-1 AfterInstall",
            "run n-1 ApplicationStart", "run n-1 ValidateService", "run n-1 BeforeAllowTraffic", "register n-1", "run n-1 AfterAllowTraffic",
            "status Succeeded", "lifecycle-action n-1 CONTINUE",
        ], driver.Log);
    }

    [Fact]
    public void Decide_LaunchDeploymentFails_AnswersAbandon()
    {
        var driver = new MachineDriver(Launch(loadBalancer: false)) { Outcome = (_, e) => e != LifecycleEvent.ApplicationStart };

        driver.RunToEnd();

        Assert.DoesNotContain(driver.Log, l => l.Contains("AllowTraffic", StringComparison.Ordinal));
        Assert.Equal(["status Failed", "lifecycle-action n-1 ABANDON"], driver.Log.TakeLast(2));
    }

    [Fact]
    public void Decide_TerminationDeploymentFails_StillAnswersContinue()
    {
        var spec = new DeploymentSpec("d-t1", "rev-1", DeploymentKind.AutoScalingTermination, DeploymentConfiguration.OneAtATime, MachineDriver.Hosts(1, "o"))
        {
            Creator = DeploymentCreator.AutoScalingTermination,
            WithTrafficControl = true,
        };
        var driver = new MachineDriver(spec) { Outcome = (_, e) => e != LifecycleEvent.ApplicationStop };

        driver.RunToEnd();

        Assert.Equal(
        [
            "status InProgress", "run o-1 BeforeBlockTraffic", "deregister o-1", "run o-1 AfterBlockTraffic", "run o-1 ApplicationStop",
            "status Failed", "lifecycle-action o-1 CONTINUE",
        ], driver.Log);
    }

    [Fact]
    public void Decide_ScaleOutDuringDeployment_FollowsUpWithTheOutdatedInstances()
    {
        var spec = new DeploymentSpec("d-3", "rev-2", DeploymentKind.InPlace, DeploymentConfiguration.AllAtOnce, MachineDriver.Hosts(2));
        var driver = new MachineDriver(spec);
        driver.Observe(new StartRequested());
        driver.Observe(new InstanceLaunched("i-9"));

        driver.RunToEnd();

        Assert.Equal("follow-up i-9", driver.Log[^1]);
    }

    [Fact]
    public void Decide_ScaleOutWithIgnoreStrategy_DoesNotFollowUp()
    {
        var spec = new DeploymentSpec("d-3", "rev-2", DeploymentKind.InPlace, DeploymentConfiguration.AllAtOnce, MachineDriver.Hosts(2)) { UpdateOutdatedInstances = false };
        var driver = new MachineDriver(spec);
        driver.Observe(new StartRequested());
        driver.Observe(new InstanceLaunched("i-9"));

        driver.RunToEnd();

        Assert.Equal("status Succeeded", driver.Log[^1]);
    }

    [Fact]
    public void Decide_InstanceLostMidBatch_CountsAsFailedAndTheDeploymentMovesOn()
    {
        var spec = new DeploymentSpec("d-4", "rev-2", DeploymentKind.InPlace, DeploymentConfiguration.HalfAtATime, MachineDriver.Hosts(4));
        var driver = new MachineDriver(spec);
        driver.Observe(new StartRequested());
        driver.DropPending();

        var lost = driver.Observe(new InstanceLost("i-1", "agent heartbeat missing for 30s"));

        Assert.Equal(InstanceStatus.Failed, lost.Next.Find("i-1")!.Status);
        Assert.Equal("InstanceLost", lost.Next.Find("i-1")!.Diagnostics!.ErrorCode);
        var end = driver.RunToEnd();
        Assert.True(end.Status.IsTerminal());
        Assert.All(end.Instances, i => Assert.True(i.IsTerminal));
    }

    [Fact]
    public void Decide_AgentNeverStartsTheEvent_InstanceFailsAtTheEventStartDeadline()
    {
        var spec = new DeploymentSpec("d-5", "rev-2", DeploymentKind.InPlace, DeploymentConfiguration.OneAtATime, MachineDriver.Hosts(1));
        var driver = new MachineDriver(spec);
        var started = driver.Observe(new StartRequested());
        Assert.Equal(MachineDriver.T0 + TimeSpan.FromMinutes(5), started.WakeAt);

        driver.Advance(TimeSpan.FromMinutes(5));
        var decision = driver.Observe(new Tick());

        Assert.Equal(DeploymentStatus.Failed, decision.Next.Status);
        Assert.Equal("EventStartTimedOut", decision.Next.Instances[0].Diagnostics!.ErrorCode);
        Assert.Contains("cancel i-1 ApplicationStop", decision.Commands.Select(MachineDriver.Format));
    }

    [Fact]
    public void Decide_StartedEventNeverCompletes_TimesOutAtItsCompletionDeadline()
    {
        var spec = new DeploymentSpec("d-5", "rev-2", DeploymentKind.InPlace, DeploymentConfiguration.OneAtATime, MachineDriver.Hosts(1))
        {
            Timeouts = DeploymentTimeouts.Default with { PerEvent = DeploymentTimeouts.Default.PerEvent.Add(LifecycleEvent.ApplicationStop, TimeSpan.FromSeconds(30)) },
        };
        var driver = new MachineDriver(spec);
        driver.Observe(new StartRequested());
        driver.Advance(TimeSpan.FromSeconds(1));
        var acknowledged = driver.Observe(new EventStarted("i-1", LifecycleEvent.ApplicationStop, 1));
        Assert.Equal(MachineDriver.T0 + TimeSpan.FromSeconds(31), acknowledged.WakeAt);

        driver.Advance(TimeSpan.FromSeconds(30));
        var decision = driver.Observe(new Tick());

        Assert.Equal("ScriptTimedOut", decision.Next.Instances[0].Diagnostics!.ErrorCode);
    }

    [Fact]
    public void Decide_TickBeforeAnythingIsDue_IsRejectedAndChangesNothing()
    {
        var spec = new DeploymentSpec("d-5", "rev-2", DeploymentKind.InPlace, DeploymentConfiguration.OneAtATime, MachineDriver.Hosts(1));
        var driver = new MachineDriver(spec);
        driver.Observe(new StartRequested());
        var before = driver.State;

        var decision = driver.Observe(new Tick());

        Assert.Equal(RejectionCode.NotApplicable, decision.Rejection!.Code);
        Assert.Same(before, decision.Next);
    }

    [Fact]
    public void Decide_DuplicateCompletion_IsRejectedAsStale()
    {
        var spec = new DeploymentSpec("d-6", "rev-2", DeploymentKind.InPlace, DeploymentConfiguration.OneAtATime, MachineDriver.Hosts(1));
        var driver = new MachineDriver(spec);
        driver.Observe(new StartRequested());
        var completion = new EventCompleted("i-1", LifecycleEvent.ApplicationStop, 1, true);
        var first = driver.Observe(completion);

        var second = driver.Observe(completion);

        Assert.Null(first.Rejection);
        Assert.Equal(RejectionCode.Stale, second.Rejection!.Code);
        Assert.Same(first.Next, second.Next);
    }

    [Fact]
    public void Decide_UnknownInstance_IsRejected()
    {
        var spec = new DeploymentSpec("d-6", "rev-2", DeploymentKind.InPlace, DeploymentConfiguration.OneAtATime, MachineDriver.Hosts(1));
        var driver = new MachineDriver(spec);
        driver.Observe(new StartRequested());

        Assert.Equal(RejectionCode.UnknownInstance, driver.Observe(new EventCompleted("i-42", LifecycleEvent.ApplicationStop, 1, true)).Rejection!.Code);
    }
}
