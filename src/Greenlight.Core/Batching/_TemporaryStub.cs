using System.Collections.Immutable;
using Greenlight.Core.Deployments;
using Greenlight.Core.Lifecycle;

namespace Greenlight.Core.Batching;

// TEMPORARY: replaced by the batching branch at merge.
public enum MinimumHealthyHostsType { HostCount, FleetPercent }
public sealed record MinimumHealthyHosts(MinimumHealthyHostsType Type, int Value);
public sealed record DeploymentConfiguration(string Name, MinimumHealthyHosts MinimumHealthyHosts, bool IsOneAtATime)
{
    public static DeploymentConfiguration OneAtATime { get; } = new("CodeDeployDefault.OneAtATime", new(MinimumHealthyHostsType.FleetPercent, 99), true);
    public static DeploymentConfiguration HalfAtATime { get; } = new("CodeDeployDefault.HalfAtATime", new(MinimumHealthyHostsType.FleetPercent, 50), false);
    public static DeploymentConfiguration AllAtOnce { get; } = new("CodeDeployDefault.AllAtOnce", new(MinimumHealthyHostsType.HostCount, 0), false);
}
public enum InstanceProgress { Pending, InFlight, Succeeded, Failed }
public enum RevisionHealth { Unhealthy, Unknown, Old, Current }
public sealed record ResolvedHealth(int InstanceCount, int MinHealthy, int Cap, bool IsOneAtATime, DeploymentErrorCode? Invalid);
public sealed record FleetVerdict(bool Succeeded, DeploymentErrorCode? ErrorCode, string Explanation);
public static class HealthConstraints
{
    public static ResolvedHealth Resolve(DeploymentConfiguration config, int n)
    {
        if (config.IsOneAtATime) return new(n, Math.Max(n - 1, 0), 1, true, n == 0 ? DeploymentErrorCode.NoInstances : null);
        var min = config.MinimumHealthyHosts.Type == MinimumHealthyHostsType.HostCount ? config.MinimumHealthyHosts.Value : (n * config.MinimumHealthyHosts.Value + 99) / 100;
        DeploymentErrorCode? invalid = n == 0 ? DeploymentErrorCode.NoInstances : min >= n ? DeploymentErrorCode.HealthConstraintsInvalid : null;
        return new(n, min, Math.Max(n - min, 0), false, invalid);
    }
}
public static class BatchPlanner
{
    public static ImmutableArray<int> NextToStart(ResolvedHealth c, IReadOnlyList<InstanceProgress> p)
    {
        var failed = p.Count(x => x == InstanceProgress.Failed);
        var inFlight = p.Count(x => x == InstanceProgress.InFlight);
        var result = ImmutableArray.CreateBuilder<int>();
        for (var i = 0; i < p.Count; i++)
        {
            if (p[i] != InstanceProgress.Pending) continue;
            var available = c.InstanceCount - failed - inFlight;
            if (inFlight >= c.Cap || (available - 1 < c.MinHealthy && !(c.IsOneAtATime && inFlight == 0 && failed == 0))) break;
            result.Add(i); inFlight++;
        }
        return result.ToImmutable();
    }
    public static FleetVerdict? Verdict(ResolvedHealth c, IReadOnlyList<InstanceProgress> p)
    {
        if (p.Any(x => x == InstanceProgress.InFlight) || !NextToStart(c, p).IsEmpty) return null;
        var succeeded = p.Count(x => x == InstanceProgress.Succeeded);
        var pending = p.Count(x => x == InstanceProgress.Pending);
        if (pending > 0) return new(false, DeploymentErrorCode.HealthConstraints, $"{pending} instances never attempted");
        var need = Math.Max(c.MinHealthy, 1);
        return succeeded >= need ? new(true, null, $"healthy {succeeded} >= minimum {need}") : new(false, DeploymentErrorCode.HealthConstraints, $"healthy {succeeded} < minimum {need}");
    }
}
