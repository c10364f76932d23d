using Greenlight.Core.Lifecycle;

namespace Greenlight.Core.Deployments;

public static partial class DeploymentMachine
{
    /// <summary>The earliest moment something is due: an event deadline, the end of a bake, a wait or a window.</summary>
    public static DateTimeOffset? WakeAt(DeploymentState state)
    {
        if (state.Status.IsTerminal() || state.Status == DeploymentStatus.Created)
        {
            return null;
        }

        var spec = state.Spec;
        var candidates = state.Instances.Where(i => i.Status == InstanceStatus.InProgress).Select(i => i.Deadline).ToList();
        candidates.Add(state.Phase switch
        {
            DeploymentPhase.ProvisioningGreen => state.PhaseStartedAt + spec.Timeouts.GreenProvisioning,
            DeploymentPhase.WaitingForContinue => state.PhaseStartedAt + spec.BlueGreen?.ReadyWait,
            DeploymentPhase.ShiftingTraffic when !GreenIsHealthy(state) =>
                GreenHealthDeadline(state, state.Traffic.StepStartedAt + spec.BlueGreen?.Traffic.Steps()[state.Traffic.StepIndex].Bake),
            DeploymentPhase.ShiftingTraffic => state.Traffic.StepStartedAt + spec.BlueGreen?.Traffic.Steps()[state.Traffic.StepIndex].Bake,
            DeploymentPhase.Watching => state.PhaseStartedAt + spec.WatchWindow,
            DeploymentPhase.WaitingToTerminate => state.PhaseStartedAt + spec.BlueGreen?.TerminationWait,
            _ => null,
        });
        return candidates.Where(c => c is not null).Min();
    }

    private static Rejection? OnTick(DecisionContext ctx)
    {
        if (ctx.State.Status == DeploymentStatus.Created)
        {
            return new Rejection(RejectionCode.NotStarted, $"deployment {ctx.Id} has not started");
        }

        if (WakeAt(ctx.State) is not { } due || due > ctx.Now)
        {
            return new Rejection(RejectionCode.NotApplicable, $"nothing is due at {ctx.Now:O}; next at {WakeAt(ctx.State)?.ToString("O") ?? "never"}");
        }

        foreach (var instance in ctx.State.Instances.Where(i => i.Status == InstanceStatus.InProgress && i.Deadline <= ctx.Now).ToList())
        {
            TimeOut(ctx, instance);
        }

        return null;
    }

    private static void TimeOut(DecisionContext ctx, InstanceState instance)
    {
        var step = instance.CurrentStep!;
        var diagnostics = step.Event switch
        {
            LifecycleEvent.AllowTraffic => new InstanceDiagnostics("HealthCheckTimedOut", $"the target did not pass its health check within {ctx.Spec.Timeouts.AllowTraffic}"),
            LifecycleEvent.BlockTraffic => new InstanceDiagnostics("DrainTimedOut", $"the target did not finish draining within {ctx.Spec.Timeouts.BlockTraffic}"),
            _ when !instance.Acknowledged => new InstanceDiagnostics("EventStartTimedOut", $"the agent did not start {step.Event} within {ctx.Spec.Timeouts.EventStart}"),
            _ => new InstanceDiagnostics("ScriptTimedOut", $"{step.Event} did not complete within {ctx.Spec.Timeouts.CompletionOf(step.Event)}"),
        };

        if (step.Event is not (LifecycleEvent.AllowTraffic or LifecycleEvent.BlockTraffic))
        {
            ctx.Emit(new CancelLifecycleEvent(CommandKey.For(ctx.Id, "cancel", instance.InstanceId, step.Event, instance.Attempt), instance.InstanceId, step.Event, instance.Attempt));
        }

        CompleteStep(ctx, instance, false, diagnostics);
    }
}
