namespace Greenlight.Core.Deployments;

public static partial class DeploymentMachine
{
    /// <summary>
    /// Moves the deployment as far as the state allows at <c>now</c>: starts instances, takes verdicts,
    /// changes phase, ends bakes and waits whose time has come. Stops when a pass changes nothing.
    /// </summary>
    private static void Advance(DecisionContext ctx)
    {
        for (var pass = 0; pass < 32 && !ctx.State.Status.IsTerminal(); pass++)
        {
            var before = (ctx.State.Phase, ctx.State.Status, ctx.State.Traffic.StepIndex);
            AdvancePhase(ctx);
            if ((ctx.State.Phase, ctx.State.Status, ctx.State.Traffic.StepIndex) == before)
            {
                return;
            }
        }
    }

    private static void AdvancePhase(DecisionContext ctx)
    {
        switch (ctx.State.Phase)
        {
            case DeploymentPhase.Installing:
                var policy = ctx.Spec.Kind == DeploymentKind.AutoScalingTermination ? WavePolicy.AllMustSucceed : WavePolicy.Batched;
                OnWave(ctx, RunWave(ctx, InstanceRole.Target, policy), AfterMainWork);
                break;
            case DeploymentPhase.ProvisioningGreen:
                if (IsDue(ctx, ctx.State.PhaseStartedAt + ctx.Spec.Timeouts.GreenProvisioning))
                {
                    Fail(ctx, new FailureReason(DeploymentErrorCode.Timeout, $"the green fleet was not ready within {ctx.Spec.Timeouts.GreenProvisioning}"), StopCause.Failure);
                }

                break;
            case DeploymentPhase.InstallingGreen:
                OnWave(ctx, RunWave(ctx, InstanceRole.Replacement, WavePolicy.Batched), AfterGreenInstalled);
                break;
            case DeploymentPhase.WaitingForContinue:
                if (IsDue(ctx, ctx.State.PhaseStartedAt + ctx.Spec.BlueGreen!.ReadyWait))
                {
                    Fail(ctx, new FailureReason(DeploymentErrorCode.Timeout, $"nobody continued the deployment within {ctx.Spec.BlueGreen.ReadyWait} of green being ready"), StopCause.WaitTimeout);
                }

                break;
            case DeploymentPhase.AllowingGreen:
                OnWave(ctx, RunWave(ctx, InstanceRole.Replacement, WavePolicy.Batched), c => EnterTrafficStep(c, 0));
                break;
            case DeploymentPhase.ShiftingTraffic:
                AdvanceTraffic(ctx);
                break;
            case DeploymentPhase.BlockingBlue:
                OnWave(ctx, RunWave(ctx, InstanceRole.Original, WavePolicy.AllMustSucceed), AfterMainWork);
                break;
            case DeploymentPhase.Watching:
                if (IsDue(ctx, ctx.State.PhaseStartedAt + ctx.Spec.WatchWindow))
                {
                    AfterWatch(ctx);
                }

                break;
            case DeploymentPhase.WaitingToTerminate:
                if (ctx.Spec.BlueGreen!.KeepsBlueAlive || IsDue(ctx, ctx.State.PhaseStartedAt + ctx.Spec.BlueGreen.TerminationWait))
                {
                    RetireBlue(ctx);
                }

                break;
            case DeploymentPhase.RestoringOriginals:
                OnWave(ctx, RunWave(ctx, InstanceRole.Original, WavePolicy.Batched), c => c.EnterPhase(DeploymentPhase.RetiringReplacements));
                break;
            case DeploymentPhase.RetiringReplacements:
                OnWave(ctx, RunWave(ctx, InstanceRole.Replacement, WavePolicy.BestEffort), RetireGreen);
                break;
            case DeploymentPhase.NotStarted:
            case DeploymentPhase.Done:
            default:
                break;
        }
    }

    private static bool IsDue(DecisionContext ctx, DateTimeOffset? deadline) => deadline is { } d && ctx.Now >= d;

    private static void OnWave(DecisionContext ctx, WaveResult? result, Action<DecisionContext> onSuccess)
    {
        if (result is null)
        {
            return;
        }

        if (result.Succeeded)
        {
            onSuccess(ctx);
        }
        else
        {
            Fail(ctx, result.Failure!, StopCause.Failure);
        }
    }

    /// <summary>The deployment's own work is done: watch alarms for a while if asked, else finish.</summary>
    private static void AfterMainWork(DecisionContext ctx)
    {
        if (ctx.Spec.WatchWindow > TimeSpan.Zero && !ctx.Spec.IsRecovery)
        {
            ctx.EnterPhase(DeploymentPhase.Watching, DeploymentStatus.Baking);
            return;
        }

        AfterWatch(ctx);
    }

    private static void AfterWatch(DecisionContext ctx)
    {
        if (ctx.Spec.Kind == DeploymentKind.BlueGreen)
        {
            ctx.EnterPhase(DeploymentPhase.WaitingToTerminate);
            return;
        }

        Succeed(ctx);
    }
}
