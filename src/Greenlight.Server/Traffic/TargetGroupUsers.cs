using Greenlight.Contracts.V1;
using Greenlight.Engine.Storage;
using Greenlight.Server.Api;
using Greenlight.Server.Fleet;

namespace Greenlight.Server.Traffic;

/// <summary>Who uses a target group: a load balancer's listener, a deployment group's loadBalancerInfo, a scaling group's targetGroupNames.</summary>
public static class TargetGroupUsers
{
    /// <summary>The first user found (e.g. <c>load balancer 'web'</c>), or null when nothing uses the group.</summary>
    public static async Task<string?> FirstAsync(IGreenlightStore store, string targetGroup, CancellationToken ct)
    {
        if ((await TrafficStore.LoadBalancersAsync(store, ct)).FirstOrDefault(b => b.Listeners.Any(l => (l.Forward ?? []).Any(f => f.TargetGroupName == targetGroup))) is { } balancer)
        {
            return $"load balancer '{balancer.Name}' forwards to it";
        }

        var groups = (await store.ListResourcesAsync(ResourceKinds.DeploymentGroup, null, ct)).Select(r => Documents.Read<DeploymentGroupInfo>(r.Body));
        if (groups.FirstOrDefault(g => Names(g).Contains(targetGroup)) is { } group)
        {
            return $"deployment group '{group.ApplicationName}/{group.DeploymentGroupName}' names it in loadBalancerInfo";
        }

        return (await AutoScalingGroupStore.ListAsync(store, ct)).FirstOrDefault(a => a.TargetGroupNames.Contains(targetGroup)) is { } scaling
            ? $"auto scaling group '{scaling.Name}' names it in targetGroupNames"
            : null;
    }

    /// <summary>The target group names of a deployment group's loadBalancerInfo.</summary>
    public static IReadOnlyList<string> Names(DeploymentGroupInfo group) =>
        [.. (group.LoadBalancerInfo?.TargetGroupInfoList ?? []).Select(t => t.Name).OfType<string>().Distinct()];
}
