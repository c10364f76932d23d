using Greenlight.Core.Fleet;
using static Greenlight.Core.Tests.Fleet.FleetScenario;

namespace Greenlight.Core.Tests.Fleet;

/// <summary>The planner's launch backoff: failed launches push NextLaunchAt out, an instance in service resets it.</summary>
public sealed class LaunchBackoffRulesTests
{
    [Theory]
    [InlineData(0, 10)]
    [InlineData(1, 20)]
    [InlineData(4, 160)]
    [InlineData(5, 300)]
    public void Decide_FailedLaunch_CountsAndDelaysTheNextLaunch(int failuresBefore, int delaySeconds)
    {
        var state = new ScalingState([Instance("i-1", LifecycleState.Pending)], failuresBefore);

        var decision = Decide(Spec(desired: 1), state, new Dictionary<string, InstanceFacts> { ["i-1"] = Silent(alive: false) }, 30);

        Assert.Equal(failuresBefore + 1, decision.Next.ConsecutiveLaunchFailures);
        Assert.Equal(At(30 + delaySeconds), decision.Next.NextLaunchAt);
        Assert.Empty(decision.Actions);
        Assert.Equal(At(30 + delaySeconds), decision.WakeAt);
        Assert.EndsWith($"; next launch in {Duration(delaySeconds)}", decision.Activities.Single().Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_TwoFailuresInOnePass_EachCounts()
    {
        var state = new ScalingState([Instance("i-1", LifecycleState.Pending), Instance("i-2", LifecycleState.Pending)]);

        var decision = Decide(Spec(desired: 2), state, new Dictionary<string, InstanceFacts>(), 120);

        Assert.Equal(2, decision.Next.ConsecutiveLaunchFailures);
        Assert.Equal(At(140), decision.Next.NextLaunchAt);
        Assert.Equal(
            ["launch failed: its agent did not report within 2m; next launch in 10s", "launch failed: its agent did not report within 2m; next launch in 20s"],
            decision.Activities.Select(a => a.Cause));
    }

    [Theory]
    [InlineData(39, "")]
    [InlineData(40, "launch(1)")]
    public void Decide_BeforeAndAtNextLaunchAt_HoldsThenLaunches(double now, string actions)
    {
        var state = new ScalingState([Instance("i-1", LifecycleState.Terminated)], 2, At(40));

        var decision = Decide(Spec(desired: 1), state, new Dictionary<string, InstanceFacts>(), now);

        Assert.Equal(actions, decision.Actions.Show());
        Assert.Equal(actions.Length == 0 ? At(40) : null, decision.WakeAt);
    }

    [Fact]
    public void Decide_InstanceEntersService_ResetsBackoffBeforeThisPassFailures()
    {
        var state = new ScalingState([Instance("i-1", LifecycleState.Pending), Instance("i-2", LifecycleState.Pending)], 3, At(100));
        var facts = new Dictionary<string, InstanceFacts> { ["i-1"] = Silent(alive: false), ["i-2"] = Heard(5) };

        var decision = Decide(Spec(desired: 2), state, facts, 10);

        Assert.Equal(1, decision.Next.ConsecutiveLaunchFailures);
        Assert.Equal(At(20), decision.Next.NextLaunchAt);
    }

    [Fact]
    public void Decide_InstanceEntersService_ClearsBackoff()
    {
        var state = new ScalingState([Instance("i-1", LifecycleState.Pending)], 3, At(100));

        var decision = Decide(Spec(desired: 1), state, new Dictionary<string, InstanceFacts> { ["i-1"] = Heard(5) }, 10);

        Assert.Equal(0, decision.Next.ConsecutiveLaunchFailures);
        Assert.Null(decision.Next.NextLaunchAt);
    }

    private static string Duration(int seconds) => seconds switch
    {
        300 => "5m",
        >= 60 => $"{seconds / 60}m{seconds % 60}s",
        _ => $"{seconds}s",
    };
}
