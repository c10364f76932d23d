using System.Collections.Immutable;
using Greenlight.Core.Deployments;
using Greenlight.Core.Lifecycle;

namespace Greenlight.Core.Tests.Deployments;

/// <summary>
/// Plays the world for the pure machine: feeds observations, keeps the state, and records every command
/// as a short line ("run i-1 AfterInstall", "weights 90/10") so tests can list the exact ordered commands.
/// <see cref="RunToEnd"/> answers commands as a healthy world would, and advances time to WakeAt.
/// </summary>
internal sealed class MachineDriver(DeploymentSpec spec, DateTimeOffset? start = null)
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    private readonly Queue<Command> _pending = new();

    public DeploymentState State { get; private set; } = DeploymentState.Create(spec);

    public DateTimeOffset Now { get; private set; } = start ?? T0;

    public List<string> Log { get; } = [];

    public List<Decision> Decisions { get; } = [];

    /// <summary>Every observation fed to the machine, with the time it was fed at.</summary>
    public List<(DateTimeOffset At, Observation Observation)> History { get; } = [];

    /// <summary>Decides whether an event succeeds; default: everything succeeds.</summary>
    public Func<string, LifecycleEvent, bool> Outcome { get; set; } = (_, _) => true;

    public Decision Observe(Observation observation)
    {
        var decision = DeploymentMachine.Decide(State, observation, Now);
        Decisions.Add(decision);
        History.Add((Now, observation));
        State = decision.Next;
        foreach (var command in decision.Commands)
        {
            Log.Add(Format(command));
            _pending.Enqueue(command);
        }

        return decision;
    }

    public void Advance(TimeSpan by) => Now += by;

    /// <summary>Answers pending commands until none is left, then ticks to WakeAt; stops when the deployment ends.</summary>
    public DeploymentState RunToEnd(int maxSteps = 10_000)
    {
        if (State.Status == DeploymentStatus.Created)
        {
            Observe(new StartRequested());
        }

        for (var step = 0; step < maxSteps && !State.Status.IsTerminal(); step++)
        {
            if (_pending.TryDequeue(out var command))
            {
                Answer(command);
            }
            else if (DeploymentMachine.WakeAt(State) is { } wake)
            {
                Now = wake > Now ? wake : Now;
                Observe(new Tick());
            }
            else
            {
                break;
            }
        }

        return State;
    }

    /// <summary>Answers the commands already issued, without advancing time.</summary>
    public void AnswerPending()
    {
        while (_pending.TryDequeue(out var command))
        {
            Answer(command);
        }
    }

    public void DropPending() => _pending.Clear();

    private void Answer(Command command)
    {
        switch (command)
        {
            case RunLifecycleEvent run:
                Observe(new EventStarted(run.InstanceId, run.Event, run.Attempt));
                Observe(new EventCompleted(run.InstanceId, run.Event, run.Attempt, Outcome(run.InstanceId, run.Event),
                    Outcome(run.InstanceId, run.Event) ? null : new InstanceDiagnostics("ScriptFailed", "exit code 1")));
                break;
            case DeregisterTarget d:
                Observe(new TargetDrained(d.InstanceId));
                break;
            case RegisterTarget r:
                Observe(new TargetHealthChanged(r.InstanceId, Outcome(r.InstanceId, LifecycleEvent.AllowTraffic)));
                break;
            case ProvisionGreenFleet p:
                Observe(new GreenFleetProvisioned([.. Enumerable.Range(1, p.Count).Select(i => $"g-{i}")]));
                break;
            default:
                break;
        }
    }

    public static string Format(Command command) => command switch
    {
        RunLifecycleEvent r => $"run {r.InstanceId} {r.Event}",
        CancelLifecycleEvent c => $"cancel {c.InstanceId} {c.Event}",
        DeregisterTarget d => $"deregister {d.InstanceId}",
        RegisterTarget r => $"register {r.InstanceId}",
        SetTrafficWeights w => $"weights {w.BlueWeight}/{w.GreenWeight}",
        ProvisionGreenFleet p => $"provision {p.AutoScalingGroup}@{p.LaunchTemplateVersion} x{p.Count}",
        TerminateInstances t => $"terminate {string.Join(",", t.InstanceIds)}",
        CompleteLifecycleAction a => $"lifecycle-action {a.InstanceId} {(a.Continue ? "CONTINUE" : "ABANDON")}",
        StartRollbackDeployment s => $"rollback {s.Kind} {s.Revision}",
        StartFollowUpDeployment f => $"follow-up {string.Join(",", f.InstanceIds)}",
        PublishStatus p => $"status {p.Status}",
        _ => command.GetType().Name,
    };

    public static ImmutableArray<TargetInstance> Hosts(int count, string prefix = "i") =>
        [.. Enumerable.Range(1, count).Select(i => new TargetInstance($"{prefix}-{i}"))];
}
