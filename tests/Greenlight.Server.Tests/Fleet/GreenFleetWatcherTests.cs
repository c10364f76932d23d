using Greenlight.Contracts.V1;
using Greenlight.Core.Deployments;
using Greenlight.Core.Fleet;
using Greenlight.Server.Fleet;

namespace Greenlight.Server.Tests.Fleet;

/// <summary>What the watcher reports about a green group: provisioned, failed with the launch's cause, or nothing yet.</summary>
public sealed class GreenFleetWatcherTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly GreenFleetSource Source = GreenFleetSource.CopyAutoScalingGroup("asg-web", "2", 2);

    [Fact]
    public void Verdict_EnoughInService_IsProvisionedWithThoseInstances()
    {
        var doc = Green([Instance("i-b", LifecycleState.InService), Instance("i-c", LifecycleState.Pending), Instance("i-a", LifecycleState.InService)], []);

        var verdict = GreenFleetWatcher.Verdict((doc, 1), blueExists: true, Source, "asg-web");

        Assert.Equal(["i-a", "i-b"], Assert.IsType<GreenFleetProvisioned>(verdict).InstanceIds.ToArray());
    }

    [Fact]
    public void Verdict_TooFewInService_IsNothingYet()
    {
        var doc = Green([Instance("i-a", LifecycleState.InService), Instance("i-b", LifecycleState.PendingWait)], [Activity("Terminating instance i-x", "launch failed: its agent process exited")]);

        Assert.Null(GreenFleetWatcher.Verdict((doc, 1), blueExists: true, Source, "asg-web"));
    }

    [Fact]
    public void Verdict_ThreeFailedLaunches_IsFailedWithTheProvidersCause()
    {
        var doc = Green([], [
            Activity("Launching i-1 failed", "bootstrap exited 3", "Failed"),
            Activity("Terminating instance i-1", "launch failed: its agent process exited"),
            Activity("Terminating instance i-2", "launch failed: its agent process exited"),
            Activity("Terminating instance i-3", "launch failed: its agent did not report within 1m"),
        ]);

        var verdict = GreenFleetWatcher.Verdict((doc, 1), blueExists: true, Source, "asg-web");

        var failed = Assert.IsType<GreenFleetFailed>(verdict);
        Assert.Contains("3 launches failed", failed.Detail, StringComparison.Ordinal);
        Assert.Contains("bootstrap exited 3", failed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verdict_CannotLaunch_IsFailedAtOnce()
    {
        var doc = Green([], [Activity("Cannot launch instances", "launch template web version 2 does not exist")]);

        var failed = Assert.IsType<GreenFleetFailed>(GreenFleetWatcher.Verdict((doc, 1), blueExists: true, Source, "asg-web"));

        Assert.Contains("version 2 does not exist", failed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verdict_NoGreenYet_WaitsWhileBlueExists_AndFailsWhenBlueIsGone()
    {
        Assert.Null(GreenFleetWatcher.Verdict(null, blueExists: true, Source, "asg-web"));
        Assert.Contains("asg-web no longer exists", Assert.IsType<GreenFleetFailed>(GreenFleetWatcher.Verdict(null, blueExists: false, Source, "asg-web")).Detail, StringComparison.Ordinal);
    }

    private static AutoScalingGroupDocument Green(FleetInstance[] instances, ScalingActivity[] activities) =>
        new("asg-web-d-1", new LaunchTemplateSpecification("web", "2"), 2, 2, 2, "AGENT", 0, [], [], Now, new ScalingState([.. instances]), [], activities)
        {
            GreenFor = "d-1",
        };

    private static FleetInstance Instance(string id, LifecycleState state) => new(id, state, 2, Now, Now);

    private static ScalingActivity Activity(string description, string cause, string status = "Successful") => new("a", description, cause, status, Now, Now);
}
