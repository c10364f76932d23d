using Greenlight.Core.Alarms;

namespace Greenlight.Core.Deployments;

public static partial class DeploymentMachine
{
    private static Rejection? OnAlarm(DecisionContext ctx, AlarmChanged o)
    {
        if (!ctx.Spec.Alarms.Watches(o.Alarm))
        {
            return new Rejection(RejectionCode.AlarmNotWatched, $"alarm {o.Alarm} is not watched by deployment {ctx.Id}");
        }

        if (ctx.State.Alarms.TryGetValue(o.Alarm, out var known) && known == o.State)
        {
            return new Rejection(RejectionCode.Stale, $"alarm {o.Alarm} is already {o.State}");
        }

        ctx.State = ctx.State with { Alarms = ctx.State.Alarms.SetItem(o.Alarm, o.State) };
        if (o.State == AlarmState.Alarm && ctx.State.Status != DeploymentStatus.Created && !ctx.Spec.IsRecovery)
        {
            var detail = string.IsNullOrEmpty(o.Detail) ? "" : $": {o.Detail}";
            Fail(ctx, new FailureReason(DeploymentErrorCode.AlarmActive, $"alarm {o.Alarm} in ALARM since {ctx.Now:HH:mm:ss}{detail}"), StopCause.Alarm);
        }

        return null;
    }

    private static Rejection? OnAlarmPollFailed(DecisionContext ctx, AlarmPollFailed o)
    {
        if (!ctx.Spec.Alarms.Enabled || ctx.Spec.IsRecovery)
        {
            return new Rejection(RejectionCode.AlarmNotWatched, $"deployment {ctx.Id} watches no alarms");
        }

        if (ctx.Spec.Alarms.IgnorePollAlarmFailure)
        {
            return new Rejection(RejectionCode.NotApplicable, $"alarm poll failure ignored (ignorePollAlarmFailure): {o.Detail}");
        }

        if (ctx.State.Status == DeploymentStatus.Created)
        {
            return new Rejection(RejectionCode.NotStarted, $"deployment {ctx.Id} has not started");
        }

        Fail(ctx, new FailureReason(DeploymentErrorCode.AlarmActive, $"the alarms could not be read: {o.Detail}"), StopCause.Alarm);
        return null;
    }

    private static Rejection? OnStop(DecisionContext ctx, StopRequested o)
    {
        var rollback = o.AutoRollbackEnabled ? " with rollback" : "";
        Fail(ctx, new FailureReason(DeploymentErrorCode.ManualStop, $"stopped by {o.By}{rollback}"), StopCause.Request, requestedRollback: o.AutoRollbackEnabled);
        return null;
    }

    private static Rejection? OnRollbackRequested(DecisionContext ctx, RollbackRequested o)
    {
        if (ctx.Spec.IsRecovery)
        {
            return new Rejection(RejectionCode.NotApplicable, $"deployment {ctx.Id} is itself a {ctx.Spec.Creator} deployment; stop it instead");
        }

        if (ctx.State.Status == DeploymentStatus.Created)
        {
            return new Rejection(RejectionCode.NotStarted, $"deployment {ctx.Id} has not started: nothing to roll back; stop it instead");
        }

        Fail(ctx, new FailureReason(DeploymentErrorCode.ManualStop, $"rolled back by {o.By}"), StopCause.Request, requestedRollback: true);
        return null;
    }

    private static Rejection? OnContinue(DecisionContext ctx, ContinueRequested o)
    {
        switch (o.Kind)
        {
            case ContinueKind.ReadyWait when ctx.State.Phase == DeploymentPhase.WaitingForContinue:
                EnterAllowingGreen(ctx);
                return null;
            case ContinueKind.TerminationWait when ctx.State.Phase == DeploymentPhase.WaitingToTerminate:
                RetireBlue(ctx);
                return null;
            default:
                return new Rejection(RejectionCode.NotApplicable, $"deployment {ctx.Id} is not waiting for {o.Kind} (phase {ctx.State.Phase}, status {ctx.State.Status})");
        }
    }
}
