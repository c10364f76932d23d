using System.Text.Json.Nodes;
using Greenlight.Core.Alarms;
using Greenlight.Core.Batching;
using Greenlight.Core.Deployments;
using Greenlight.Core.Lifecycle;
using Greenlight.Core.Traffic;

namespace Greenlight.Core.Tests.Deployments;

/// <summary>Replays the checked-in histories through <see cref="DeploymentMachine.Decide"/> and compares every decision.</summary>
public sealed class ReplayTests
{
    public static TheoryData<string> Histories() =>
        [.. Directory.GetFiles(RecordedHistory.Folder, "*.json").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(Histories))]
    public void Decide_RecordedHistory_ReproducesEveryDecision(string file)
    {
        var history = DecisionJson.Read<RecordedHistory>(File.ReadAllText(Path.Combine(RecordedHistory.Folder, file)));
        Assert.NotEmpty(history.Steps);
        var state = DeploymentState.Create(history.Spec);

        foreach (var (step, index) in history.Steps.Select((s, i) => (s, i)))
        {
            var decision = DeploymentMachine.Decide(state, step.Observation, step.At);
            var expected = step.Decision.ToJsonString();
            var actual = RecordedHistory.Summary(decision).ToJsonString();
            Assert.True(JsonNode.DeepEquals(step.Decision, RecordedHistory.Summary(decision)),
                $"{file} step {index + 1} ({step.Observation.GetType().Name} at {step.At:O}) decided differently.\nrecorded: {expected}\nnow:      {actual}");
            state = decision.Next;
        }

        Assert.True(state.Status.IsTerminal(), $"{file} ends in {state.Status}");
    }

    [Fact]
    public void Histories_AreCheckedIn_AtLeastFour() => Assert.True(Histories().Count >= 4);

    /// <summary>Writes the histories again. Run with GREENLIGHT_RECORD_HISTORIES=1 only when a change of behaviour is intended.</summary>
    [Fact]
    public void Record_WhenAsked_WritesTheHistories()
    {
        if (Environment.GetEnvironmentVariable("GREENLIGHT_RECORD_HISTORIES") != "1")
        {
            return;
        }

        foreach (var history in Scenarios())
        {
            File.WriteAllText(Path.Combine(RecordedHistory.Folder, history.Name + ".json"), DecisionJson.Of(history) + "\n");
        }
    }

    private static IEnumerable<RecordedHistory> Scenarios()
    {
        var inPlace = new MachineDriver(new DeploymentSpec("d-101", "rev-5", DeploymentKind.InPlace, DeploymentConfiguration.HalfAtATime, MachineDriver.Hosts(4))
        {
            WithTrafficControl = true,
            LastKnownGoodRevision = "rev-4",
            AutoRollback = new AutoRollbackConfiguration(true, [AutoRollbackEvent.DeploymentFailure]),
        })
        { Outcome = (host, e) => !(host is "i-1" or "i-3" && e == LifecycleEvent.ValidateService) };
        inPlace.RunToEnd();
        inPlace.Observe(new RollbackDeploymentCreated("d-102"));
        yield return RecordedHistory.From("in-place-half-at-a-time-fails-and-rolls-back",
            "4 hosts behind a load balancer, HalfAtATime; two hosts fail ValidateService, the deployment fails HEALTH_CONSTRAINTS and asks for a rollback to rev-4.", inPlace);

        var canary = new MachineDriver(BlueGreenScenarioTests.Spec(TrafficSchedule.Canary(10, TimeSpan.FromMinutes(5))));
        canary.Observe(new StartRequested());
        canary.AnswerPending();
        canary.Advance(TimeSpan.FromSeconds(40));
        canary.Observe(new AlarmChanged("web-5xx", AlarmState.Alarm, "5xx rate 23 % > 5 % for 3 of 3 periods of 10s"));
        canary.Observe(new EventCompleted("g-1", LifecycleEvent.AfterAllowTraffic, 1, true));
        canary.Observe(new RollbackDeploymentCreated("d-8"));
        yield return RecordedHistory.From("blue-green-canary-alarm-rolls-back",
            "Blue/green with a 10 % canary for 5 minutes; the 5xx alarm fires 40 s into the bake, traffic goes back to blue in the same decision, a late report is rejected.", canary);

        var linear = new MachineDriver(BlueGreenScenarioTests.Spec(TrafficSchedule.Linear(25, TimeSpan.FromMinutes(1)), readyWait: TimeSpan.FromMinutes(30), terminationWait: TimeSpan.FromMinutes(10)) with
        {
            WatchWindow = TimeSpan.FromMinutes(2),
        });
        linear.Observe(new StartRequested());
        linear.AnswerPending();
        linear.Advance(TimeSpan.FromMinutes(3));
        linear.Observe(new ContinueRequested(ContinueKind.ReadyWait));
        linear.RunToEnd();
        yield return RecordedHistory.From("blue-green-linear-ready-wait-succeeds",
            "Blue/green waiting in Ready until continued, then 25 % every minute, a 2-minute watch window and a 10-minute wait before blue is terminated.", linear);

        var launch = new MachineDriver(new DeploymentSpec("d-201", "rev-5", DeploymentKind.AutoScalingLaunch, DeploymentConfiguration.OneAtATime, MachineDriver.Hosts(1, "n"))
        {
            Creator = DeploymentCreator.AutoScaling,
            WithTrafficControl = true,
        });
        launch.Observe(new StartRequested());
        launch.Observe(new EventStarted("n-1", LifecycleEvent.ApplicationStop, 1));
        launch.Observe(new EventStarted("n-1", LifecycleEvent.ApplicationStop, 1));
        launch.Observe(new EventCompleted("n-1", LifecycleEvent.ApplicationStop, 1, true));
        launch.Observe(new EventCompleted("n-1", LifecycleEvent.ApplicationStop, 1, true));
        launch.Advance(TimeSpan.FromMinutes(6));
        launch.Observe(new Tick());
        yield return RecordedHistory.From("auto-scaling-launch-agent-silent-abandons",
            "A launch deployment: duplicate reports are rejected, then the agent never starts DownloadBundle; the event-start deadline fails the instance and the hook is answered ABANDON.", launch);
    }
}
