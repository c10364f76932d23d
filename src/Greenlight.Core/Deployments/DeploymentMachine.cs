using System.Collections.Immutable;

namespace Greenlight.Core.Deployments;

/// <summary>
/// The deployment state machine: a pure function from (state, observation, now) to a <see cref="Decision"/>.
/// No clock, no I/O, no randomness: the same inputs always give the same decision, and an observation that
/// does not apply is rejected with a reason and changes nothing (so replaying one twice is harmless).
/// </summary>
/// <remarks>
/// The flows, with the rules of codedeploy-semantics.md, are drawn in docs/deployment-lifecycle.md.
/// Each partial file holds one concern: starting, instance steps, waves, blue/green phases, alarms and
/// stops, finishing and rollback, timers, and the human-readable reason.
/// </remarks>
public static partial class DeploymentMachine
{
    public static Decision Decide(DeploymentState state, Observation observation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(observation);

        if (state.Status.IsTerminal())
        {
            return observation switch
            {
                RollbackDeploymentCreated created => RecordRollbackCreated(state, created, now),
                RolledBackLater later => RecordRolledBackLater(state, later, now),
                RollbackNotCreated refused => RecordRollbackNotCreated(state, refused, now),
                _ => Reject(state, RejectionCode.DeploymentCompleted, $"deployment {state.DeploymentId} already ended {state.Status}"),
            };
        }

        var ctx = new DecisionContext(state, now);
        var rejection = observation switch
        {
            StartRequested => Start(ctx),
            Tick => OnTick(ctx),
            EventStarted o => OnEventStarted(ctx, o),
            EventCompleted o => OnEventCompleted(ctx, o),
            TargetDrained o => OnTargetDrained(ctx, o),
            TargetHealthChanged o => OnTargetHealth(ctx, o),
            AlarmChanged o => OnAlarm(ctx, o),
            AlarmPollFailed o => OnAlarmPollFailed(ctx, o),
            StopRequested o => OnStop(ctx, o),
            ContinueRequested o => OnContinue(ctx, o),
            RollbackRequested o => OnRollbackRequested(ctx, o),
            GreenFleetProvisioned o => OnGreenProvisioned(ctx, o),
            GreenFleetFailed o => OnGreenFailed(ctx, o),
            InstanceLaunched o => OnInstanceLaunched(ctx, o),
            InstanceLost o => OnInstanceLost(ctx, o),
            RollbackDeploymentCreated => new Rejection(RejectionCode.NotApplicable, "no rollback was asked for: the deployment is still running"),
            RolledBackLater => new Rejection(RejectionCode.NotApplicable, "the deployment is still running: ask it to roll back instead"),
            RollbackNotCreated => new Rejection(RejectionCode.NotApplicable, "no rollback was asked for: the deployment is still running"),
            _ => new Rejection(RejectionCode.Invalid, $"unknown observation {observation.GetType().Name}"),
        };

        if (rejection is not null)
        {
            return Reject(state, rejection.Code, rejection.Message);
        }

        Advance(ctx);
        var next = ctx.State with { Reason = Describe(ctx.State, now) };
        var failure = !state.Status.IsTerminal() && next.Status.IsTerminal() ? next.Failure : null;
        return new Decision(next, ctx.Commands.ToImmutable(), WakeAt(next), failure, null);
    }

    private static Decision Reject(DeploymentState state, RejectionCode code, string message) =>
        new(state, [], WakeAt(state), null, new Rejection(code, message));

    private static Decision RecordRollbackCreated(DeploymentState state, RollbackDeploymentCreated created, DateTimeOffset now)
    {
        if (state.Rollback is not { AwaitingDeployment: true } info)
        {
            return Reject(state, RejectionCode.NotApplicable, "this deployment did not ask for a rollback, or already has one");
        }

        var next = state with { Rollback = info with { RollbackDeploymentId = created.DeploymentId, AwaitingDeployment = false } };
        return new Decision(next with { Reason = Describe(next, now) }, ImmutableArray<Command>.Empty, null, null, null);
    }

    /// <summary>A rollback created after the end: linked unless the deployment already has (or awaits) its rollback deployment.</summary>
    private static Decision RecordRolledBackLater(DeploymentState state, RolledBackLater later, DateTimeOffset now)
    {
        if (state.Rollback is { } info && (info.AwaitingDeployment || info.RollbackDeploymentId is not null))
        {
            return Reject(state, RejectionCode.NotApplicable, $"deployment {state.DeploymentId} already has a rollback: {info.RollbackMessage}");
        }

        var message = $"rolled back later by {later.By}: deployment {later.DeploymentId} redeploys {later.Revision}";
        var next = state with { Rollback = new RollbackInfo(later.DeploymentId, null, message) };
        return new Decision(next with { Reason = Describe(next, now) }, ImmutableArray<Command>.Empty, null, null, null);
    }

    /// <summary>The rollback asked for cannot be created: the message says so instead of promising one.</summary>
    private static Decision RecordRollbackNotCreated(DeploymentState state, RollbackNotCreated refused, DateTimeOffset now)
    {
        if (state.Rollback is not { AwaitingDeployment: true } info)
        {
            return Reject(state, RejectionCode.NotApplicable, "this deployment is not waiting for a rollback deployment");
        }

        var next = state with { Rollback = info with { AwaitingDeployment = false, RollbackMessage = $"could not roll back: {refused.Reason} (asked: {info.RollbackMessage})" } };
        return new Decision(next with { Reason = Describe(next, now) }, ImmutableArray<Command>.Empty, null, null, null);
    }
}
