namespace Greenlight.Contracts.V1;

/// <summary>CreateDeployment input. Greenlight adds <see cref="TrafficRouting"/> (blue/green weights, e.g. canary:10:5m).</summary>
public sealed record CreateDeploymentInput(
    string? ApplicationName,
    string? DeploymentGroupName,
    RevisionLocation? Revision,
    string? DeploymentConfigName = null,
    string? Description = null,
    bool IgnoreApplicationStopFailures = false,
    AutoRollbackConfiguration? AutoRollbackConfiguration = null,
    AlarmConfiguration? OverrideAlarmConfiguration = null,
    string? TrafficRouting = null,
    string? FileExistsBehavior = null,
    TargetInstances? TargetInstances = null);

/// <summary>
/// targetInstances: for a blue/green group with DISCOVER_EXISTING, the instances that become green (by tag filters
/// and/or auto scaling groups).
/// </summary>
public sealed record TargetInstances(IReadOnlyList<TagFilter>? TagFilters = null, IReadOnlyList<string>? AutoScalingGroups = null);

public sealed record CreateDeploymentOutput(string DeploymentId);

public sealed record ErrorInformation(string Code, string Message);

/// <summary>deploymentOverview: instance counts by status.</summary>
public sealed record DeploymentOverview(int Pending, int InProgress, int Succeeded, int Failed, int Skipped, int Ready);

public sealed record RollbackInfo(string? RollbackDeploymentId, string? RollbackTriggeringDeploymentId, string? RollbackMessage);

/// <summary>DeploymentInfo. <see cref="StatusReason"/> is Greenlight's sentence saying what the deployment is doing.</summary>
public sealed record DeploymentInfo(
    string ApplicationName,
    string DeploymentGroupName,
    string DeploymentConfigName,
    string DeploymentId,
    RevisionLocation Revision,
    string Status,
    ErrorInformation? ErrorInformation,
    DateTimeOffset CreateTime,
    DateTimeOffset? StartTime,
    DateTimeOffset? CompleteTime,
    DeploymentOverview DeploymentOverview,
    string? Description,
    string Creator,
    bool IgnoreApplicationStopFailures,
    AutoRollbackConfiguration? AutoRollbackConfiguration,
    RollbackInfo? RollbackInfo,
    DeploymentStyle DeploymentStyle,
    string StatusReason,
    string Phase)
{
    /// <summary>Blue/green: the traffic split in force and the schedule's progress; null for in-place deployments.</summary>
    public TrafficInfo? Traffic { get; init; }
}

public sealed record StopDeploymentInput(bool AutoRollbackEnabled = false);

public sealed record StopDeploymentOutput(string Status, string StatusMessage);

/// <summary>ContinueDeployment: deploymentWaitType READY_WAIT | TERMINATION_WAIT.</summary>
public sealed record ContinueDeploymentInput(string? DeploymentWaitType = "READY_WAIT");

public sealed record Diagnostics(string ErrorCode, string? ScriptName, string Message, string? LogTail);

public sealed record LifecycleEventInfo(string LifecycleEventName, Diagnostics? Diagnostics, DateTimeOffset? StartTime, DateTimeOffset? EndTime, string Status);

/// <summary>instanceTarget; instanceLabel Blue | Green for blue/green deployments.</summary>
public sealed record InstanceTarget(string DeploymentId, string TargetId, string Status, IReadOnlyList<LifecycleEventInfo> LifecycleEvents, string? InstanceLabel);

public sealed record DeploymentTarget(string DeploymentTargetType, InstanceTarget InstanceTarget);

/// <summary>One entry of the deployment's event log.</summary>
public sealed record DeploymentEvent(long Seq, DateTimeOffset At, string Type, System.Text.Json.JsonElement Detail);

public sealed record DeploymentEventPage(IReadOnlyList<DeploymentEvent> Events, long? NextAfter);

/// <summary>
/// The answer of a deployment group's rollback: the rollback deployment, the deployment it rolls back, and what happens.
/// </summary>
public sealed record GroupRollbackOutput(string RollbackDeploymentId, string RolledBackDeploymentId, string Message);
