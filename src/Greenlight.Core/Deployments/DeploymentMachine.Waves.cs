using Greenlight.Core.Batching;

namespace Greenlight.Core.Deployments;

public static partial class DeploymentMachine
{
    /// <summary>
    /// Starts what may start among the instances of <paramref name="role"/> and, once none is running and
    /// none may start, returns the verdict. Null while the wave is still running.
    /// </summary>
    private static WaveResult? RunWave(DecisionContext ctx, InstanceRole role, WavePolicy policy)
    {
        var members = ctx.State.Instances.Where(i => i.Role == role).ToList();
        if (policy != WavePolicy.Batched)
        {
            foreach (var pending in members.Where(i => i.Status == InstanceStatus.Pending))
            {
                StartInstance(ctx, pending);
            }

            members = [.. ctx.State.Instances.Where(i => i.Role == role)];
            if (members.Any(i => i.Status == InstanceStatus.InProgress))
            {
                return null;
            }

            var failed = members.Count(i => i.Status == InstanceStatus.Failed);
            return policy == WavePolicy.BestEffort || failed == 0
                ? WaveResult.Success
                : new WaveResult(false, new FailureReason(DeploymentErrorCode.HealthConstraints, $"{failed} of {members.Count} {role.ToString().ToLowerInvariant()} instances failed"));
        }

        var constraints = HealthConstraints.Resolve(ctx.Spec.Configuration, members.Count);
        if (constraints.Invalid is { } invalid)
        {
            return new WaveResult(false, new FailureReason(invalid, $"{ctx.Spec.Configuration.Name} cannot deploy to {members.Count} {role.ToString().ToLowerInvariant()} instances"));
        }

        foreach (var index in BatchPlanner.NextToStart(constraints, members.Select(ToProgress).ToList()))
        {
            StartInstance(ctx, members[index]);
        }

        members = [.. ctx.State.Instances.Where(i => i.Role == role)];
        var verdict = BatchPlanner.Verdict(constraints, members.Select(ToProgress).ToList());
        if (verdict is null)
        {
            return null;
        }

        return verdict.Succeeded
            ? WaveResult.Success
            : new WaveResult(false, new FailureReason(verdict.ErrorCode ?? DeploymentErrorCode.HealthConstraints, verdict.Explanation));
    }

    private static InstanceProgress ToProgress(InstanceState instance) => instance.Status switch
    {
        InstanceStatus.Pending => InstanceProgress.Pending,
        InstanceStatus.InProgress => InstanceProgress.InFlight,
        InstanceStatus.Ready or InstanceStatus.Succeeded => InstanceProgress.Succeeded,
        _ => InstanceProgress.Failed,
    };
}
