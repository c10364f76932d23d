using Greenlight.Core.Lifecycle;

namespace Greenlight.Core.Deployments;

public static partial class DeploymentMachine
{
    /// <summary>Events whose failure <c>ignoreApplicationStopFailures</c> turns into "continue" (codedeploy-semantics §2.4).</summary>
    private static bool IsStopEvent(LifecycleEvent e) =>
        e is LifecycleEvent.ApplicationStop or LifecycleEvent.BeforeBlockTraffic or LifecycleEvent.AfterBlockTraffic;

    /// <summary>Starts an instance on the first step of its plan.</summary>
    private static void StartInstance(DecisionContext ctx, InstanceState instance) =>
        BeginStep(ctx, instance with { Status = InstanceStatus.InProgress, StepIndex = 0, Diagnostics = null });

    /// <summary>
    /// Begins the instance's current step: service events Start and End complete at once; BlockTraffic and
    /// AllowTraffic become load balancer commands; every other event is a ticket for the agent.
    /// Past the last step the instance has finished its plan.
    /// </summary>
    private static void BeginStep(DecisionContext ctx, InstanceState instance)
    {
        while (instance.CurrentStep is { Event: LifecycleEvent.Start or LifecycleEvent.End } instant)
        {
            instance = instance with
            {
                Events = instance.Events.Add(new EventRecord(instant.Event, EventStatus.Succeeded, ctx.Now, ctx.Now)),
                StepIndex = instance.StepIndex + 1,
            };
        }

        if (instance.CurrentStep is not { } step)
        {
            ctx.Update(instance with { Status = FinishedStatus(ctx, instance), Deadline = null, Acknowledged = false });
            return;
        }

        var key = instance.StepKey(ctx.Id);
        var acknowledged = true;
        var deadline = ctx.Now + ctx.Spec.Timeouts.CompletionOf(step.Event);
        switch (step.Event)
        {
            case LifecycleEvent.BlockTraffic:
                ctx.Emit(new DeregisterTarget(key, instance.InstanceId, instance.Role));
                break;
            case LifecycleEvent.AllowTraffic:
                ctx.Emit(new RegisterTarget(key, instance.InstanceId, instance.Role));
                break;
            default:
                ctx.Emit(new RunLifecycleEvent(key, instance.InstanceId, step.Event, instance.Attempt, step.Scripts, ctx.Spec.Revision));
                acknowledged = false;
                deadline = ctx.Now + ctx.Spec.Timeouts.EventStart;
                break;
        }

        ctx.Update(instance with
        {
            Acknowledged = acknowledged,
            Deadline = deadline,
            Events = instance.Events.Add(new EventRecord(step.Event, EventStatus.InProgress, ctx.Now)),
        });
    }

    /// <summary>A green instance that finished installing waits, Ready, for traffic; every other plan ends in success.</summary>
    private static InstanceStatus FinishedStatus(DecisionContext ctx, InstanceState instance) =>
        ctx.State.Phase == DeploymentPhase.InstallingGreen && instance.Role == InstanceRole.Replacement
            ? InstanceStatus.Ready
            : InstanceStatus.Succeeded;

    /// <summary>Ends the instance's current step and begins the next, or fails the instance.</summary>
    private static void CompleteStep(DecisionContext ctx, InstanceState instance, bool succeeded, InstanceDiagnostics? diagnostics)
    {
        var step = instance.CurrentStep!;
        var events = instance.Events.SetItem(instance.Events.Length - 1, instance.Events[^1] with
        {
            Status = succeeded ? EventStatus.Succeeded : EventStatus.Failed,
            EndedAt = ctx.Now,
        });
        instance = instance with { Events = events };

        if (!succeeded && !(ctx.Spec.IgnoreApplicationStopFailures && IsStopEvent(step.Event)))
        {
            FailInstance(ctx, instance, diagnostics ?? new InstanceDiagnostics("UnknownError", $"{step.Event} failed"));
            return;
        }

        BeginStep(ctx, instance with { StepIndex = instance.StepIndex + 1, Diagnostics = succeeded ? null : diagnostics });
    }

    /// <summary>Marks the instance failed; the steps it will not run are recorded as skipped.</summary>
    private static void FailInstance(DecisionContext ctx, InstanceState instance, InstanceDiagnostics diagnostics, InstanceStatus status = InstanceStatus.Failed)
    {
        var events = instance.Events;
        if (events.Length > 0 && events[^1].Status == EventStatus.InProgress)
        {
            events = events.SetItem(events.Length - 1, events[^1] with { Status = EventStatus.Failed, EndedAt = ctx.Now });
        }

        var first = Math.Max(instance.StepIndex + 1, 0);
        var skipped = instance.Plan.Skip(first).Select(s => new EventRecord(s.Event, EventStatus.Skipped));
        ctx.Update(instance with
        {
            Status = status,
            Deadline = null,
            Acknowledged = false,
            Diagnostics = diagnostics,
            Events = events.AddRange(skipped),
        });
    }

    private static Rejection? CurrentStepOf(DecisionContext ctx, string instanceId, out InstanceState instance, out LifecycleStep step)
    {
        step = null!;
        if (ctx.State.Find(instanceId) is not { } found)
        {
            instance = null!;
            return new Rejection(RejectionCode.UnknownInstance, $"instance {instanceId} is not part of deployment {ctx.Id}");
        }

        instance = found;
        if (ctx.State.Status == DeploymentStatus.Created)
        {
            return new Rejection(RejectionCode.NotStarted, $"deployment {ctx.Id} has not started");
        }

        if (found.Status != InstanceStatus.InProgress || found.CurrentStep is not { } current)
        {
            return new Rejection(RejectionCode.Stale, $"instance {instanceId} is not running an event (it is {found.Status})");
        }

        step = current;
        return null;
    }

    private static Rejection? OnEventStarted(DecisionContext ctx, EventStarted o)
    {
        if (CurrentStepOf(ctx, o.InstanceId, out var instance, out var step) is { } rejection)
        {
            return rejection;
        }

        if (step.Event != o.Event || instance.Attempt != o.Attempt || instance.Acknowledged)
        {
            return new Rejection(RejectionCode.Stale, $"instance {o.InstanceId} is on {step.Event} attempt {instance.Attempt} (acknowledged: {instance.Acknowledged}); {o.Event} attempt {o.Attempt} started is a duplicate or late report");
        }

        ctx.Update(instance with { Acknowledged = true, Deadline = ctx.Now + ctx.Spec.Timeouts.CompletionOf(step.Event) });
        return null;
    }

    private static Rejection? OnEventCompleted(DecisionContext ctx, EventCompleted o)
    {
        if (CurrentStepOf(ctx, o.InstanceId, out var instance, out var step) is { } rejection)
        {
            return rejection;
        }

        if (step.Event != o.Event || instance.Attempt != o.Attempt)
        {
            return new Rejection(RejectionCode.Stale, $"instance {o.InstanceId} is on {step.Event} attempt {instance.Attempt}; {o.Event} attempt {o.Attempt} is a duplicate or late report");
        }

        if (step.Event is LifecycleEvent.BlockTraffic or LifecycleEvent.AllowTraffic)
        {
            return new Rejection(RejectionCode.NotApplicable, $"{step.Event} is the load balancer's: it completes with a drained or healthy target");
        }

        CompleteStep(ctx, instance, o.Succeeded, o.Diagnostics);
        return null;
    }

    private static Rejection? OnTargetDrained(DecisionContext ctx, TargetDrained o)
    {
        if (CurrentStepOf(ctx, o.InstanceId, out var instance, out var step) is { } rejection)
        {
            return rejection;
        }

        if (step.Event != LifecycleEvent.BlockTraffic)
        {
            return new Rejection(RejectionCode.Stale, $"instance {o.InstanceId} is on {step.Event}, not BlockTraffic");
        }

        CompleteStep(ctx, instance, true, null);
        return null;
    }

    private static Rejection? OnTargetHealth(DecisionContext ctx, TargetHealthChanged o)
    {
        if (ctx.State.Phase == DeploymentPhase.ShiftingTraffic && ctx.State.Find(o.InstanceId) is { Role: InstanceRole.Replacement, Status: InstanceStatus.Succeeded } green)
        {
            return OnGreenHealth(ctx, green, o.Healthy);
        }

        if (CurrentStepOf(ctx, o.InstanceId, out var instance, out var step) is { } rejection)
        {
            return rejection;
        }

        if (step.Event != LifecycleEvent.AllowTraffic)
        {
            return new Rejection(RejectionCode.Stale, $"instance {o.InstanceId} is on {step.Event}, not AllowTraffic");
        }

        if (o.Healthy)
        {
            CompleteStep(ctx, instance, true, null);
        }
        else if (instance.Diagnostics?.ErrorCode == "HealthCheckFailing")
        {
            return new Rejection(RejectionCode.Stale, $"instance {o.InstanceId} was already reported unhealthy");
        }
        else
        {
            ctx.Update(instance with { Diagnostics = new InstanceDiagnostics("HealthCheckFailing", "the load balancer's health check fails; waiting until it passes or AllowTraffic times out") });
        }

        return null;
    }

    private static Rejection? OnInstanceLost(DecisionContext ctx, InstanceLost o)
    {
        if (ctx.State.Find(o.InstanceId) is not { } instance)
        {
            return new Rejection(RejectionCode.UnknownInstance, $"instance {o.InstanceId} is not part of deployment {ctx.Id}");
        }

        if (instance.IsTerminal)
        {
            return new Rejection(RejectionCode.Stale, $"instance {o.InstanceId} already ended {instance.Status}");
        }

        if (ctx.State.Status == DeploymentStatus.Created)
        {
            return new Rejection(RejectionCode.NotStarted, $"deployment {ctx.Id} has not started; the instance is left out when it does");
        }

        // A lost original has nothing left to block; a lost target or replacement counts as failed.
        var status = instance.Role == InstanceRole.Original ? InstanceStatus.Skipped : InstanceStatus.Failed;
        FailInstance(ctx, instance, new InstanceDiagnostics("InstanceLost", $"instance disappeared: {o.Detail}"), status);
        return null;
    }

    private static Rejection? OnInstanceLaunched(DecisionContext ctx, InstanceLaunched o)
    {
        if (ctx.Spec.Kind is not (DeploymentKind.InPlace or DeploymentKind.BlueGreen) || ctx.State.Status == DeploymentStatus.Created)
        {
            return new Rejection(RejectionCode.NotApplicable, $"a {ctx.Spec.Kind} deployment in status {ctx.State.Status} does not track launched instances");
        }

        if (ctx.State.Find(o.InstanceId) is not null || ctx.State.OutdatedInstances.Contains(o.InstanceId, StringComparer.Ordinal))
        {
            return new Rejection(RejectionCode.Stale, $"instance {o.InstanceId} is already known to deployment {ctx.Id}");
        }

        // The new instance gets the last successful revision by its own launch deployment; this deployment
        // only remembers it is outdated, for the follow-up deployment after success.
        ctx.State = ctx.State with { OutdatedInstances = ctx.State.OutdatedInstances.Add(o.InstanceId) };
        return null;
    }
}
