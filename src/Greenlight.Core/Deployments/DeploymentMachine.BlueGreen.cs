using System.Collections.Immutable;
using Greenlight.Core.Lifecycle;

namespace Greenlight.Core.Deployments;

public static partial class DeploymentMachine
{
    private static readonly LifecycleEvent[] AllowEvents =
        [LifecycleEvent.BeforeAllowTraffic, LifecycleEvent.AllowTraffic, LifecycleEvent.AfterAllowTraffic];

    /// <summary>Green's plan split in two: install without traffic, then the allow-traffic events at reroute.</summary>
    private static ImmutableArray<LifecycleStep> GreenInstallPlan() =>
        [.. LifecyclePlans.For(LifecycleScenario.BlueGreenReplacement).Where(s => !AllowEvents.Contains(s.Event))];

    private static ImmutableArray<LifecycleStep> GreenAllowPlan() =>
        [.. LifecyclePlans.For(LifecycleScenario.BlueGreenReplacement).Where(s => AllowEvents.Contains(s.Event))];

    private static void StartBlueGreen(DecisionContext ctx)
    {
        var spec = ctx.Spec;
        var bluePlan = LifecyclePlans.For(LifecycleScenario.BlueGreenOriginal);
        ctx.State = ctx.State with { Instances = [.. spec.Instances.Select(t => InstanceState.Create(t, InstanceRole.Original, bluePlan))] };

        var green = spec.BlueGreen!.GreenFleet;
        if (green.IsExisting)
        {
            AddGreen(ctx, green.ExistingInstances);
            return;
        }

        ctx.EnterPhase(DeploymentPhase.ProvisioningGreen);
        ctx.Emit(new ProvisionGreenFleet(CommandKey.For(ctx.Id, "provision-green"), green.AutoScalingGroup!, green.LaunchTemplateVersion!, green.Count));
    }

    private static void AddGreen(DecisionContext ctx, ImmutableArray<string> instanceIds)
    {
        var plan = GreenInstallPlan();
        var green = instanceIds.Select(id => InstanceState.Create(new TargetInstance(id, Batching.RevisionHealth.Unknown), InstanceRole.Replacement, plan));
        ctx.State = ctx.State with { Instances = ctx.State.Instances.AddRange(green) };
        ctx.EnterPhase(DeploymentPhase.InstallingGreen);
    }

    private static Rejection? OnGreenProvisioned(DecisionContext ctx, GreenFleetProvisioned o)
    {
        if (ctx.State.Phase != DeploymentPhase.ProvisioningGreen)
        {
            return new Rejection(RejectionCode.NotApplicable, $"deployment {ctx.Id} is not waiting for a green fleet (phase {ctx.State.Phase})");
        }

        if (o.InstanceIds.IsDefaultOrEmpty || o.InstanceIds.Distinct(StringComparer.Ordinal).Count() != o.InstanceIds.Length)
        {
            return new Rejection(RejectionCode.Invalid, "a green fleet needs at least one instance and no instance twice");
        }

        if (o.InstanceIds.Any(id => ctx.State.Find(id) is not null))
        {
            return new Rejection(RejectionCode.Invalid, "a green instance cannot also be an original instance");
        }

        AddGreen(ctx, o.InstanceIds);
        return null;
    }

    private static Rejection? OnGreenFailed(DecisionContext ctx, GreenFleetFailed o)
    {
        if (ctx.State.Phase != DeploymentPhase.ProvisioningGreen)
        {
            return new Rejection(RejectionCode.NotApplicable, $"deployment {ctx.Id} is not waiting for a green fleet (phase {ctx.State.Phase})");
        }

        Fail(ctx, new FailureReason(DeploymentErrorCode.AutoScalingConfiguration, $"the green fleet could not be created: {o.Detail}"), StopCause.Failure);
        return null;
    }

    private static void AfterGreenInstalled(DecisionContext ctx)
    {
        if (ctx.Spec.BlueGreen!.ReadyWait is not null)
        {
            ctx.EnterPhase(DeploymentPhase.WaitingForContinue, DeploymentStatus.Ready);
            return;
        }

        EnterAllowingGreen(ctx);
    }

    private static void EnterAllowingGreen(DecisionContext ctx)
    {
        var plan = GreenAllowPlan();
        foreach (var ready in ctx.State.Instances.Where(i => i.Status == InstanceStatus.Ready).ToList())
        {
            ctx.Update(ready with { Status = InstanceStatus.Pending, Plan = plan, StepIndex = -1 });
        }

        ctx.EnterPhase(DeploymentPhase.AllowingGreen);
    }

    private static void EnterTrafficStep(DecisionContext ctx, int index)
    {
        var step = ctx.Spec.BlueGreen!.Traffic.Steps()[index];
        if (ctx.State.Phase != DeploymentPhase.ShiftingTraffic)
        {
            ctx.EnterPhase(DeploymentPhase.ShiftingTraffic);
        }

        ctx.Emit(new SetTrafficWeights(CommandKey.For(ctx.Id, "traffic", index), step.BlueWeight, step.GreenWeight));
        ctx.State = ctx.State with
        {
            Traffic = new TrafficProgress(index, step.GreenWeight, ctx.Now),
            Status = step.Bake > TimeSpan.Zero ? DeploymentStatus.Baking : DeploymentStatus.InProgress,
        };
    }

    private static void AdvanceTraffic(DecisionContext ctx)
    {
        var steps = ctx.Spec.BlueGreen!.Traffic.Steps();
        var current = ctx.State.Traffic;
        var bakeEnd = current.StepStartedAt + steps[current.StepIndex].Bake;
        if (!IsDue(ctx, bakeEnd))
        {
            return;
        }

        if (!GreenIsHealthy(ctx.State))
        {
            if (IsDue(ctx, GreenHealthDeadline(ctx.State, bakeEnd)))
            {
                Fail(ctx, new FailureReason(DeploymentErrorCode.CustomerApplicationUnhealthy,
                    $"a green target stayed unhealthy for {ctx.Spec.Timeouts.AllowTraffic} after the bake of traffic step {current.StepIndex + 1}"), StopCause.Failure);
            }

            return;
        }

        if (current.StepIndex + 1 < steps.Length)
        {
            EnterTrafficStep(ctx, current.StepIndex + 1);
        }
        else
        {
            ctx.EnterPhase(DeploymentPhase.BlockingBlue);
        }
    }

    private static void RetireBlue(DecisionContext ctx)
    {
        if (!ctx.Spec.BlueGreen!.KeepsBlueAlive)
        {
            var blue = ctx.State.Instances.Where(i => i.Role == InstanceRole.Original && i.Status != InstanceStatus.Skipped).Select(i => i.InstanceId);
            ctx.Emit(new TerminateInstances(CommandKey.For(ctx.Id, "terminate-blue"), [.. blue], "blue/green deployment succeeded: original instances retired"));
        }

        Succeed(ctx);
    }

    private static void StartBlueGreenRollback(DecisionContext ctx)
    {
        var spec = ctx.Spec;
        var originals = spec.Instances.Select(t => InstanceState.Create(t, InstanceRole.Original, LifecyclePlans.For(LifecycleScenario.BlueGreenRollbackOriginal)));
        var replacements = spec.Replacements.Select(t => InstanceState.Create(t, InstanceRole.Replacement, LifecyclePlans.For(LifecycleScenario.BlueGreenRollbackReplacement)));
        ctx.State = ctx.State with { Instances = [.. originals, .. replacements], Traffic = new TrafficProgress(0, 0, ctx.Now) };

        // The triggering deployment already moved the weights; asserting them again is idempotent and covers a crash in between.
        ctx.Emit(new SetTrafficWeights(CommandKey.For(ctx.Id, "traffic", "restore"), 100, 0));
        ctx.EnterPhase(DeploymentPhase.RestoringOriginals);
    }

    private static void RetireGreen(DecisionContext ctx)
    {
        var green = ctx.State.Instances.Where(i => i.Role == InstanceRole.Replacement).Select(i => i.InstanceId).ToImmutableArray();
        if (!green.IsEmpty)
        {
            ctx.Emit(new TerminateInstances(CommandKey.For(ctx.Id, "terminate-green"), green, "rolled back: replacement instances retired"));
        }

        Succeed(ctx);
    }
}
