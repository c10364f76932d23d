using System.Collections.Immutable;
using Greenlight.Core.Lifecycle;

namespace Greenlight.Core.Deployments;

public static partial class DeploymentMachine
{
    private static void Succeed(DecisionContext ctx)
    {
        ctx.State = ctx.State with { Status = DeploymentStatus.Succeeded, Phase = DeploymentPhase.Done, CompletedAt = ctx.Now, PhaseStartedAt = ctx.Now };
        ctx.Emit(new PublishStatus(CommandKey.For(ctx.Id, "status", DeploymentStatus.Succeeded), DeploymentStatus.Succeeded, null));
        AnswerLifecycleHook(ctx, succeeded: true);

        var outdated = ctx.State.OutdatedInstances;
        if (!outdated.IsEmpty && ctx.Spec.UpdateOutdatedInstances)
        {
            ctx.Emit(new StartFollowUpDeployment(CommandKey.For(ctx.Id, "follow-up"), ctx.Spec.Revision, outdated));
        }
    }

    /// <summary>
    /// Ends the deployment Failed or Stopped: running events are cancelled, instances not yet attempted are
    /// skipped, and a rollback is asked for when the configuration, the stop request or the user says so.
    /// </summary>
    private static void Fail(DecisionContext ctx, FailureReason reason, StopCause cause, bool requestedRollback = false)
    {
        // Roll back only what was touched: an instance ran an event, or green exists.
        var touched = ctx.State.Instances.Any(i => i.Events.Length > 0 || i.Role == InstanceRole.Replacement);
        foreach (var instance in ctx.State.Instances.ToList())
        {
            EndInstance(ctx, instance, reason);
        }

        var status = cause == StopCause.Failure ? DeploymentStatus.Failed : DeploymentStatus.Stopped;
        ctx.State = ctx.State with { Status = status, Phase = DeploymentPhase.Done, CompletedAt = ctx.Now, PhaseStartedAt = ctx.Now, Failure = reason };
        ctx.Emit(new PublishStatus(CommandKey.For(ctx.Id, "status", status), status, reason));
        AnswerLifecycleHook(ctx, succeeded: false);

        if (touched && !ctx.Spec.IsRecovery && ctx.Spec.Kind is DeploymentKind.InPlace or DeploymentKind.BlueGreen &&
            (requestedRollback || ctx.Spec.AutoRollback.RollsBackOn(TriggerOf(cause))))
        {
            RollBack(ctx, reason, cause);
        }
    }

    private static void EndInstance(DecisionContext ctx, InstanceState instance, FailureReason reason)
    {
        switch (instance.Status)
        {
            case InstanceStatus.InProgress:
                if (instance.CurrentStep is { Event: not (LifecycleEvent.BlockTraffic or LifecycleEvent.AllowTraffic) } step)
                {
                    ctx.Emit(new CancelLifecycleEvent(CommandKey.For(ctx.Id, "cancel", instance.InstanceId, step.Event, instance.Attempt), instance.InstanceId, step.Event, instance.Attempt));
                }

                FailInstance(ctx, instance, new InstanceDiagnostics("Cancelled", $"deployment ended: {reason.Message}"));
                break;
            case InstanceStatus.Pending:
                FailInstance(ctx, instance, new InstanceDiagnostics("NotAttempted", $"deployment ended before this instance: {reason.Message}"), InstanceStatus.Skipped);
                break;
            case InstanceStatus.Ready:
                ctx.Update(instance with { Status = InstanceStatus.Succeeded });
                break;
            default:
                break;
        }
    }

    private static AutoRollbackEvent TriggerOf(StopCause cause) => cause switch
    {
        StopCause.Alarm => AutoRollbackEvent.DeploymentStopOnAlarm,
        StopCause.Request => AutoRollbackEvent.DeploymentStopOnRequest,
        _ => AutoRollbackEvent.DeploymentFailure,
    };

    /// <summary>
    /// In-place: a new deployment of the last known-good revision, or a message that there is none.
    /// Blue/green: traffic goes straight back to blue in this very decision, then a rollback deployment
    /// allows traffic on blue, blocks it on green and retires green.
    /// </summary>
    private static void RollBack(DecisionContext ctx, FailureReason reason, StopCause cause)
    {
        var spec = ctx.Spec;
        var why = $"{TriggerOf(cause)}: {reason.Message}";
        if (spec.Kind == DeploymentKind.BlueGreen)
        {
            if (ctx.State.Traffic.StepIndex >= 0)
            {
                ctx.Emit(new SetTrafficWeights(CommandKey.For(ctx.Id, "traffic", "rollback"), 100, 0));
                ctx.State = ctx.State with { Traffic = ctx.State.Traffic with { GreenWeight = 0, StepStartedAt = ctx.Now } };
            }

            var originals = Ids(ctx, InstanceRole.Original);
            var replacements = Ids(ctx, InstanceRole.Replacement);
            var revision = spec.LastKnownGoodRevision ?? "(the original instances' revision)";
            var message = $"traffic is back on the {originals.Length} original instances; a rollback deployment retires the {replacements.Length} replacements ({why})";
            ctx.Emit(new StartRollbackDeployment(CommandKey.For(ctx.Id, "rollback"), revision, ctx.Id, message, DeploymentKind.BlueGreenRollback, originals, replacements));
            ctx.State = ctx.State with { Rollback = new RollbackInfo(null, null, message, AwaitingDeployment: true) };
            return;
        }

        if (spec.LastKnownGoodRevision is not { } good)
        {
            ctx.State = ctx.State with { Rollback = new RollbackInfo(null, null, $"could not roll back: the deployment group has no known-good revision ({why})") };
            return;
        }

        var text = $"rolling back to {good} ({why})";
        ctx.Emit(new StartRollbackDeployment(CommandKey.For(ctx.Id, "rollback"), good, ctx.Id, text, DeploymentKind.InPlace, [], []));
        ctx.State = ctx.State with { Rollback = new RollbackInfo(null, null, text, AwaitingDeployment: true) };
    }

    private static ImmutableArray<string> Ids(DecisionContext ctx, InstanceRole role) =>
        [.. ctx.State.Instances.Where(i => i.Role == role && i.Diagnostics?.ErrorCode != "InstanceLost").Select(i => i.InstanceId)];

    /// <summary>Launch deployments answer CONTINUE on success and ABANDON on failure; termination deployments always CONTINUE.</summary>
    private static void AnswerLifecycleHook(DecisionContext ctx, bool succeeded)
    {
        if (ctx.Spec.Kind is not (DeploymentKind.AutoScalingLaunch or DeploymentKind.AutoScalingTermination))
        {
            return;
        }

        var proceed = succeeded || ctx.Spec.Kind == DeploymentKind.AutoScalingTermination;
        foreach (var instance in ctx.Spec.Instances)
        {
            ctx.Emit(new CompleteLifecycleAction(CommandKey.For(ctx.Id, "lifecycle-action", instance.InstanceId), instance.InstanceId, proceed));
        }
    }
}
