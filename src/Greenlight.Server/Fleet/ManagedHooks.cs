using System.Collections.Immutable;
using Greenlight.Contracts.V1;
using Greenlight.Core.Fleet;

namespace Greenlight.Server.Fleet;

/// <summary>
/// The lifecycle hooks deployment groups put on the scaling groups they name (CodeDeploy's managed hooks): a launch hook
/// per group, answered by the launch deployment of the group's last successful revision, and, with
/// terminationHookEnabled, a termination hook answered by a termination deployment.
/// <code>
/// group web/prod names asg-web                →  greenlight-launch:web/prod
/// … with terminationHookEnabled               →  greenlight-launch:web/prod, greenlight-terminate:web/prod
/// </code>
/// </summary>
public static class ManagedHooks
{
    public const string LaunchPrefix = "greenlight-launch:";
    public const string TerminatePrefix = "greenlight-terminate:";

    public static string LaunchHook(string application, string group) => LaunchPrefix + application + "/" + group;

    public static string TerminateHook(string application, string group) => TerminatePrefix + application + "/" + group;

    /// <summary>The deployment groups that name <paramref name="autoScalingGroup"/>.</summary>
    public static IEnumerable<DeploymentGroupInfo> GroupsOf(string autoScalingGroup, IEnumerable<DeploymentGroupInfo> groups) =>
        groups.Where(g => g.AutoScalingGroups.Contains(autoScalingGroup, StringComparer.Ordinal));

    public static IEnumerable<LifecycleHookInfo> For(string autoScalingGroup, IEnumerable<DeploymentGroupInfo> groups, FleetSettings settings)
    {
        foreach (var group in GroupsOf(autoScalingGroup, groups))
        {
            var key = group.ApplicationName + "/" + group.DeploymentGroupName;
            yield return new LifecycleHookInfo(LaunchHook(group.ApplicationName, group.DeploymentGroupName), LifecycleTransitions.Launching,
                (int)settings.LaunchHookTimeout.TotalSeconds, "ABANDON", key);
            if (group.TerminationHookEnabled)
            {
                yield return new LifecycleHookInfo(TerminateHook(group.ApplicationName, group.DeploymentGroupName), LifecycleTransitions.Terminating,
                    (int)settings.TerminationHookTimeout.TotalSeconds, "CONTINUE", key);
            }
        }
    }

    /// <summary>The planner's hooks: the user's and the managed ones.</summary>
    public static ImmutableArray<ScalingHook> ToPlanner(IEnumerable<LifecycleHookInfo> hooks) =>
    [
        .. hooks.Select(h => new ScalingHook(h.LifecycleHookName,
            h.LifecycleTransition == LifecycleTransitions.Launching ? HookTransition.Launching : HookTransition.Terminating,
            TimeSpan.FromSeconds(h.HeartbeatTimeout), h.DefaultResult == "CONTINUE")),
    ];
}

/// <summary>EC2 Auto Scaling's transition names.</summary>
public static class LifecycleTransitions
{
    public const string Launching = "autoscaling:EC2_INSTANCE_LAUNCHING";
    public const string Terminating = "autoscaling:EC2_INSTANCE_TERMINATING";
}
