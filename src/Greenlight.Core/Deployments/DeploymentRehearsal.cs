using System.Collections.Immutable;
using Greenlight.Core.Alarms;
using Greenlight.Core.Lifecycle;

namespace Greenlight.Core.Deployments;

/// <summary>
/// A dry run of a whole deployment through the real <see cref="DeploymentMachine"/>: the world answers every
/// command as <see cref="RehearsalScript"/> says, and time jumps to each wake-up. What <c>greenlight plan</c>
/// prints for blue/green comes from here, so the plan is what the engine would do, not a second model.
/// </summary>
public static class DeploymentRehearsal
{
    private const int MaxSteps = 100_000;

    public static ImmutableArray<RehearsalStep> Run(DeploymentSpec spec, RehearsalScript script, DateTimeOffset start)
    {
        var steps = ImmutableArray.CreateBuilder<RehearsalStep>();
        var state = DeploymentState.Create(spec);
        var now = start;
        var pending = new Queue<Command>();
        var alarmFired = false;

        Feed(new StartRequested());
        while (!state.Status.IsTerminal() && steps.Count < MaxSteps)
        {
            var wake = DeploymentMachine.WakeAt(state);
            if (!alarmFired && script.AlarmAt is { } alarmAt && script.Alarm is { } alarm && (wake is null || start + alarmAt <= wake) && pending.Count == 0)
            {
                alarmFired = true;
                now = Max(now, start + alarmAt);
                Feed(new AlarmChanged(alarm, AlarmState.Alarm, "rehearsed alarm"));
            }
            else if (pending.TryDequeue(out var command))
            {
                Answer(command);
            }
            else if (state.Phase == DeploymentPhase.WaitingForContinue && script.ContinueAfter is { } after &&
                     (wake is null || state.PhaseStartedAt + after < wake))
            {
                now = Max(now, state.PhaseStartedAt!.Value + after);
                Feed(new ContinueRequested(ContinueKind.ReadyWait));
            }
            else if (wake is { } w)
            {
                now = Max(now, w);
                Feed(new Tick());
            }
            else
            {
                break;
            }
        }

        return steps.ToImmutable();

        void Feed(Observation observation)
        {
            var decision = DeploymentMachine.Decide(state, observation, now);
            steps.Add(new RehearsalStep(now - start, observation, decision));
            state = decision.Next;
            foreach (var command in decision.Commands)
            {
                pending.Enqueue(command);
            }
        }

        void Answer(Command command)
        {
            switch (command)
            {
                case RunLifecycleEvent run:
                    var fails = script.FailingInstances.Contains(run.InstanceId) && run.Event == script.FailingEvent;
                    Feed(new EventCompleted(run.InstanceId, run.Event, run.Attempt, !fails,
                        fails ? new InstanceDiagnostics("ScriptFailed", "rehearsed failure") : null));
                    break;
                case DeregisterTarget d:
                    Feed(new TargetDrained(d.InstanceId));
                    break;
                case RegisterTarget r:
                    Feed(new TargetHealthChanged(r.InstanceId, true));
                    break;
                case ProvisionGreenFleet p:
                    Feed(new GreenFleetProvisioned([.. Enumerable.Range(1, p.Count).Select(i => GreenId(i))]));
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>The id a rehearsal gives the i-th provisioned green instance (1-based).</summary>
    public static string GreenId(int number) => "green-" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
