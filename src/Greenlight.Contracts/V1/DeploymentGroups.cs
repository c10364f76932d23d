namespace Greenlight.Contracts.V1;

/// <summary>deploymentStyle: deploymentType IN_PLACE | BLUE_GREEN; deploymentOption WITH_TRAFFIC_CONTROL | WITHOUT_TRAFFIC_CONTROL.</summary>
public sealed record DeploymentStyle(string? DeploymentType = "IN_PLACE", string? DeploymentOption = "WITHOUT_TRAFFIC_CONTROL");

/// <summary>A tag filter: Type KEY_ONLY | VALUE_ONLY | KEY_AND_VALUE.</summary>
public sealed record TagFilter(string? Key, string? Value, string? Type);

/// <summary>onPremisesTagSet: instances matching every list (AND), each list matching any of its filters (OR).</summary>
public sealed record OnPremisesTagSet(IReadOnlyList<IReadOnlyList<TagFilter>>? OnPremisesTagSetList);

public sealed record AlarmRef(string? Name);

public sealed record AlarmConfiguration(bool Enabled = false, bool IgnorePollAlarmFailure = false, IReadOnlyList<AlarmRef>? Alarms = null);

/// <summary>Events: DEPLOYMENT_FAILURE, DEPLOYMENT_STOP_ON_ALARM, DEPLOYMENT_STOP_ON_REQUEST.</summary>
public sealed record AutoRollbackConfiguration(bool Enabled = false, IReadOnlyList<string>? Events = null);

/// <summary>The fields of CreateDeploymentGroup / UpdateDeploymentGroup that Greenlight reads.</summary>
public sealed record DeploymentGroupInput(
    string? DeploymentGroupName,
    string? DeploymentConfigName = null,
    DeploymentStyle? DeploymentStyle = null,
    IReadOnlyList<TagFilter>? OnPremisesInstanceTagFilters = null,
    OnPremisesTagSet? OnPremisesTagSet = null,
    IReadOnlyList<string>? AutoScalingGroups = null,
    AlarmConfiguration? AlarmConfiguration = null,
    AutoRollbackConfiguration? AutoRollbackConfiguration = null,
    string? OutdatedInstancesStrategy = null,
    int? WatchMinutes = null,
    string? NewDeploymentGroupName = null,
    bool? TerminationHookEnabled = null,
    GroupLoadBalancerInfo? LoadBalancerInfo = null,
    BlueGreenDeploymentConfiguration? BlueGreenDeploymentConfiguration = null,
    string? TrafficRouting = null)
{
    /// <summary>Greenlight's watch window in seconds (0..172800); wins over <see cref="WatchMinutes"/> when set.</summary>
    public int? WatchSeconds { get; init; }
}

/// <summary>A target group of the deployment group (CodeDeploy's targetGroupInfo).</summary>
public sealed record TargetGroupRef(string? Name);

/// <summary>
/// loadBalancerInfo: the target groups the group's instances are registered in. In-place WITH_TRAFFIC_CONTROL takes
/// each instance out of them (BlockTraffic, draining) and puts it back (AllowTraffic, healthy); blue/green shifts
/// their traffic from blue to green.
/// </summary>
public sealed record GroupLoadBalancerInfo(IReadOnlyList<TargetGroupRef>? TargetGroupInfoList);

/// <summary>
/// terminateBlueInstancesOnDeploymentSuccess: Action TERMINATE (after the wait) or KEEP_ALIVE (blue is detached from the
/// group and left running). Greenlight adds <see cref="TerminationWaitTimeInSeconds"/>, which wins over minutes when set.
/// </summary>
public sealed record BlueInstanceTerminationOption(string? Action = "TERMINATE", int? TerminationWaitTimeInMinutes = 0)
{
    public double? TerminationWaitTimeInSeconds { get; init; }
}

/// <summary>
/// deploymentReadyOption: CONTINUE_DEPLOYMENT shifts traffic as soon as green is installed; STOP_DEPLOYMENT waits in
/// Ready for <c>continue</c> up to the wait time, then stops. Greenlight adds <see cref="WaitTimeInSeconds"/>.
/// </summary>
public sealed record DeploymentReadyOption(string? ActionOnTimeout = "CONTINUE_DEPLOYMENT", int? WaitTimeInMinutes = 0)
{
    public double? WaitTimeInSeconds { get; init; }
}

/// <summary>greenFleetProvisioningOption: COPY_AUTO_SCALING_GROUP (a copy of the blue group from the current launch template) or DISCOVER_EXISTING.</summary>
public sealed record GreenFleetProvisioningOption(string? Action = "COPY_AUTO_SCALING_GROUP");

public sealed record BlueGreenDeploymentConfiguration(
    BlueInstanceTerminationOption? TerminateBlueInstancesOnDeploymentSuccess = null,
    DeploymentReadyOption? DeploymentReadyOption = null,
    GreenFleetProvisioningOption? GreenFleetProvisioningOption = null);

/// <summary>lastSuccessfulDeployment / lastAttemptedDeployment.</summary>
public sealed record LastDeploymentInfo(string DeploymentId, string Status, DateTimeOffset? EndTime, DateTimeOffset CreateTime);

/// <summary>DeploymentGroupInfo.</summary>
public sealed record DeploymentGroupInfo(
    string ApplicationName,
    string DeploymentGroupId,
    string DeploymentGroupName,
    string DeploymentConfigName,
    DeploymentStyle DeploymentStyle,
    IReadOnlyList<TagFilter> OnPremisesInstanceTagFilters,
    OnPremisesTagSet? OnPremisesTagSet,
    IReadOnlyList<string> AutoScalingGroups,
    AlarmConfiguration AlarmConfiguration,
    AutoRollbackConfiguration AutoRollbackConfiguration,
    string OutdatedInstancesStrategy,
    int WatchMinutes,
    RevisionLocation? TargetRevision,
    LastDeploymentInfo? LastSuccessfulDeployment,
    LastDeploymentInfo? LastAttemptedDeployment)
{
    /// <summary>Run a termination deployment (BeforeBlockTraffic ... ApplicationStop) on instances its scaling groups terminate.</summary>
    public bool TerminationHookEnabled { get; init; }

    public GroupLoadBalancerInfo? LoadBalancerInfo { get; init; }

    public BlueGreenDeploymentConfiguration? BlueGreenDeploymentConfiguration { get; init; }

    /// <summary>The group's default traffic schedule for blue/green (e.g. <c>all</c>, <c>canary:10:5m</c>, <c>linear:10:1m</c>); a deployment's trafficRouting wins.</summary>
    public string? TrafficRouting { get; init; }

    /// <summary>
    /// Greenlight's watch window in seconds, when the group was given one: after a user's deployment's last step its alarms
    /// are watched this long before the revision counts as known-good. Wins over <see cref="WatchMinutes"/>.
    /// </summary>
    public int? WatchSeconds { get; init; }
}
