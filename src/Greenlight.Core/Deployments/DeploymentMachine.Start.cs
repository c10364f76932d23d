using System.Collections.Immutable;
using Greenlight.Core.Alarms;
using Greenlight.Core.Batching;
using Greenlight.Core.Lifecycle;

namespace Greenlight.Core.Deployments;

public static partial class DeploymentMachine
{
    private static Rejection? Start(DecisionContext ctx)
    {
        if (ctx.State.Status != DeploymentStatus.Created)
        {
            return new Rejection(RejectionCode.AlreadyStarted, $"deployment {ctx.Id} started at {ctx.State.StartedAt:O}");
        }

        var spec = ctx.Spec;
        ctx.State = ctx.State with { StartedAt = ctx.Now, Status = DeploymentStatus.InProgress };
        ctx.Emit(new PublishStatus(CommandKey.For(ctx.Id, "status", DeploymentStatus.InProgress), DeploymentStatus.InProgress, null));

        if (spec.Kind is DeploymentKind.BlueGreen && spec.BlueGreen is null)
        {
            Fail(ctx, new FailureReason(DeploymentErrorCode.InternalError, "a blue/green deployment needs blue/green options"), StopCause.Failure);
            return null;
        }

        var alarmed = ctx.State.Alarms.FirstOrDefault(a => a.Value == AlarmState.Alarm && spec.Alarms.Watches(a.Key));
        if (!spec.IsRecovery && alarmed.Key is not null)
        {
            Fail(ctx, new FailureReason(DeploymentErrorCode.AlarmActive, $"alarm {alarmed.Key} was already in ALARM when the deployment started"), StopCause.Alarm);
            return null;
        }

        switch (spec.Kind)
        {
            case DeploymentKind.BlueGreen:
                StartBlueGreen(ctx);
                break;
            case DeploymentKind.BlueGreenRollback:
                StartBlueGreenRollback(ctx);
                break;
            default:
                StartInPlace(ctx);
                break;
        }

        return null;
    }

    private static void StartInPlace(DecisionContext ctx)
    {
        var spec = ctx.Spec;
        var plan = PlanFor(spec);
        var instances = OrderForScheduling(spec.Instances).Select(t => InstanceState.Create(t, InstanceRole.Target, plan));
        ctx.State = ctx.State with { Instances = [.. instances] };

        var constraints = HealthConstraints.Resolve(spec.Configuration, spec.Instances.Length);
        if (constraints.Invalid is { } invalid)
        {
            var message = invalid == DeploymentErrorCode.NoInstances
                ? "the deployment group has no instances to deploy to"
                : $"minimum healthy hosts {constraints.MinHealthy} is not below the {constraints.InstanceCount} instances: no instance could be taken out of service";
            Fail(ctx, new FailureReason(invalid, message), StopCause.Failure);
            return;
        }

        ctx.EnterPhase(DeploymentPhase.Installing);
    }

    private static ImmutableArray<LifecycleStep> PlanFor(DeploymentSpec spec) => spec.Kind switch
    {
        DeploymentKind.AutoScalingLaunch when !spec.WithTrafficControl =>
            [.. LifecyclePlans.For(LifecycleScenario.AutoScalingLaunch).Where(s => !IsTrafficEvent(s.Event))],
        DeploymentKind.AutoScalingLaunch => LifecyclePlans.For(LifecycleScenario.AutoScalingLaunch),
        DeploymentKind.AutoScalingTermination when !spec.WithTrafficControl =>
            [.. LifecyclePlans.For(LifecycleScenario.AutoScalingTermination).Where(s => !IsTrafficEvent(s.Event))],
        DeploymentKind.AutoScalingTermination => LifecyclePlans.For(LifecycleScenario.AutoScalingTermination),
        _ when spec.WithTrafficControl => LifecyclePlans.For(LifecycleScenario.InPlaceWithLoadBalancer),
        _ => LifecyclePlans.For(LifecycleScenario.InPlace),
    };

    private static bool IsTrafficEvent(LifecycleEvent e) => e is
        LifecycleEvent.BeforeBlockTraffic or LifecycleEvent.BlockTraffic or LifecycleEvent.AfterBlockTraffic or
        LifecycleEvent.BeforeAllowTraffic or LifecycleEvent.AllowTraffic or LifecycleEvent.AfterAllowTraffic;

    /// <summary>CodeDeploy's scheduling order: Unhealthy, then Unknown, Old, Current; stable within each.</summary>
    private static IEnumerable<TargetInstance> OrderForScheduling(IEnumerable<TargetInstance> targets) =>
        targets.OrderBy(t => t.Health);
}
