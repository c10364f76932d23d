using Greenlight.Core.Deployments;
using Greenlight.Core.Traffic;

namespace Greenlight.Core.Tests.Deployments;

/// <summary>The engine stores states as JSON: every state the machine produces must survive a round trip unchanged.</summary>
public sealed class StateJsonTests
{
    [Fact]
    public void RoundTrip_EveryStateOfACanaryDeployment_IsUnchanged()
    {
        var driver = new MachineDriver(BlueGreenScenarioTests.Spec(TrafficSchedule.Canary(10, TimeSpan.FromMinutes(5))));

        driver.RunToEnd();

        Assert.True(driver.Decisions.Count > 20);
        foreach (var decision in driver.Decisions)
        {
            var json = DecisionJson.Of(decision.Next);
            var back = DecisionJson.Read<DeploymentState>(json);
            Assert.Equal(json, DecisionJson.Of(back));
        }
    }

    [Fact]
    public void RoundTrip_RestoredState_DecidesLikeTheOriginal()
    {
        var driver = new MachineDriver(BlueGreenScenarioTests.Spec(TrafficSchedule.Linear(50, TimeSpan.FromMinutes(1))));
        driver.Observe(new StartRequested());
        driver.AnswerPending();
        var restored = DecisionJson.Read<DeploymentState>(DecisionJson.Of(driver.State));
        var later = driver.Now + TimeSpan.FromMinutes(1);

        var original = DeploymentMachine.Decide(driver.State, new Tick(), later);
        var fromJson = DeploymentMachine.Decide(restored, new Tick(), later);

        Assert.Equal(DecisionJson.Of(original), DecisionJson.Of(fromJson));
        Assert.Contains(original.Commands, c => c is SetTrafficWeights { GreenWeight: 100 });
    }
}
