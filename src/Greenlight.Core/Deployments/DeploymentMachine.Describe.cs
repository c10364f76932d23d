using System.Globalization;

namespace Greenlight.Core.Deployments;

public static partial class DeploymentMachine
{
    /// <summary>A sentence for people saying what the deployment is doing or why it ended.</summary>
    public static string Describe(DeploymentState state, DateTimeOffset now)
    {
        var spec = state.Spec;
        if (state.Status == DeploymentStatus.Succeeded)
        {
            return spec.Kind == DeploymentKind.BlueGreen && spec.BlueGreen!.KeepsBlueAlive
                ? "succeeded; original instances kept alive (KEEP_ALIVE)"
                : "succeeded";
        }

        if (state.Status.IsTerminal())
        {
            var rollback = state.Rollback is { } r ? $"; {r.RollbackMessage}" : "";
            return $"{state.Status.ToString().ToLowerInvariant()}: {state.Failure?.Message}{rollback}";
        }

        return state.Phase switch
        {
            DeploymentPhase.NotStarted => "created; waiting to start",
            DeploymentPhase.Installing or DeploymentPhase.InstallingGreen or DeploymentPhase.AllowingGreen or
                DeploymentPhase.BlockingBlue or DeploymentPhase.RestoringOriginals or DeploymentPhase.RetiringReplacements => DescribeWave(state),
            DeploymentPhase.ProvisioningGreen => "provisioning the green fleet",
            DeploymentPhase.WaitingForContinue => $"green is ready; waiting for a continue for {Remaining(state.PhaseStartedAt + spec.BlueGreen?.ReadyWait, now)} more",
            DeploymentPhase.ShiftingTraffic => DescribeTraffic(state, now),
            DeploymentPhase.Watching => $"watching alarms for {Remaining(state.PhaseStartedAt + spec.WatchWindow, now)} more before the revision counts as known-good",
            DeploymentPhase.WaitingToTerminate => $"waiting {Remaining(state.PhaseStartedAt + spec.BlueGreen?.TerminationWait, now)} before terminating the original instances",
            _ => state.Phase.ToString(),
        };
    }

    private static string DescribeWave(DeploymentState state)
    {
        var (phase, role) = state.Phase switch
        {
            DeploymentPhase.InstallingGreen => ("installing on green", InstanceRole.Replacement),
            DeploymentPhase.AllowingGreen => ("allowing traffic on green", InstanceRole.Replacement),
            DeploymentPhase.BlockingBlue => ("blocking traffic on blue", InstanceRole.Original),
            DeploymentPhase.RestoringOriginals => ("allowing traffic on the original instances", InstanceRole.Original),
            DeploymentPhase.RetiringReplacements => ("blocking traffic on the replacements", InstanceRole.Replacement),
            _ => ("deploying", InstanceRole.Target),
        };
        var wave = state.Instances.Where(i => i.Role == role).ToList();
        var running = wave.Where(i => i.Status == InstanceStatus.InProgress).ToList();
        var done = wave.Count(i => i.IsTerminal || i.Status == InstanceStatus.Ready);
        if (running.Count == 0)
        {
            return $"{phase}: {done} of {Count(wave.Count, "instance")} done";
        }

        var events = string.Join(", ", running.GroupBy(i => i.CurrentStep!.Event).Select(g => $"{g.Count()} on {g.Key}"));
        return $"{phase}: waiting for {Count(running.Count, "running instance")} ({events}); {done} of {wave.Count} done";
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string DescribeTraffic(DeploymentState state, DateTimeOffset now)
    {
        var steps = state.Spec.BlueGreen!.Traffic.Steps();
        var step = steps[state.Traffic.StepIndex];
        return step.Bake > TimeSpan.Zero
            ? $"baking at {step.GreenWeight} % green for {Remaining(state.Traffic.StepStartedAt + step.Bake, now)} more (step {state.Traffic.StepIndex + 1} of {steps.Length})"
            : $"green at {step.GreenWeight} % (step {state.Traffic.StepIndex + 1} of {steps.Length})";
    }

    private static string Remaining(DateTimeOffset? until, DateTimeOffset now)
    {
        var left = until is { } u && u > now ? u - now : TimeSpan.Zero;
        return left.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)left.TotalHours}h{left.Minutes:D2}m")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)left.TotalMinutes}m{left.Seconds:D2}s");
    }
}
