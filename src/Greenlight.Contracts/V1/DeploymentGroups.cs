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
    bool? TerminationHookEnabled = null);

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
}
