namespace Greenlight.Contracts.V1;

/// <summary>A launch template and version: a number, <c>$Latest</c> or <c>$Default</c> (the default).</summary>
public sealed record LaunchTemplateSpecification(string? LaunchTemplateName, string? Version = "$Default");

/// <summary>
/// A lifecycle hook: LifecycleTransition <c>autoscaling:EC2_INSTANCE_LAUNCHING</c> or <c>autoscaling:EC2_INSTANCE_TERMINATING</c>;
/// the instance waits (Pending:Wait or Terminating:Wait) until the hook is completed or its heartbeat timeout (seconds)
/// passes, then DefaultResult (CONTINUE or ABANDON) applies.
/// </summary>
public sealed record LifecycleHookSpecification(string? LifecycleHookName, string? LifecycleTransition, int? HeartbeatTimeout = 3600, string? DefaultResult = "ABANDON");

/// <summary>CreateAutoScalingGroup. HealthCheckType AGENT (the agent's heartbeat) or ELB (the load balancer's too); grace period in seconds.</summary>
public sealed record CreateAutoScalingGroupInput(
    string? AutoScalingGroupName,
    LaunchTemplateSpecification? LaunchTemplate,
    int? MinSize,
    int? MaxSize,
    int? DesiredCapacity = null,
    string? HealthCheckType = "AGENT",
    int? HealthCheckGracePeriod = 300,
    IReadOnlyList<LifecycleHookSpecification>? LifecycleHookSpecificationList = null,
    IReadOnlyList<Tag>? Tags = null,
    IReadOnlyList<string>? TargetGroupNames = null);

/// <summary>UpdateAutoScalingGroup: only the non-null fields change.</summary>
public sealed record UpdateAutoScalingGroupInput(
    LaunchTemplateSpecification? LaunchTemplate = null,
    int? MinSize = null,
    int? MaxSize = null,
    int? DesiredCapacity = null,
    string? HealthCheckType = null,
    int? HealthCheckGracePeriod = null,
    IReadOnlyList<string>? TargetGroupNames = null);

/// <summary>SetDesiredCapacity.</summary>
public sealed record SetDesiredCapacityInput(int? DesiredCapacity);

/// <summary>PutLifecycleHook (create or replace by name).</summary>
public sealed record PutLifecycleHookInput(string? LifecycleTransition, int? HeartbeatTimeout = 3600, string? DefaultResult = "ABANDON");

/// <summary>CompleteLifecycleAction: LifecycleActionResult CONTINUE or ABANDON for one instance waiting on the hook.</summary>
public sealed record CompleteLifecycleActionInput(string? InstanceId, string? LifecycleActionResult);

/// <summary>
/// An instance of a scaling group. LifecycleState: Pending, Pending:Wait, InService, Terminating, Terminating:Wait,
/// Terminated. HealthStatus: Healthy or Unhealthy. Address is its loopback address (local provider).
/// </summary>
public sealed record AutoScalingInstanceInfo(
    string InstanceId,
    string AutoScalingGroupName,
    string LifecycleState,
    string HealthStatus,
    string LaunchTemplateName,
    string LaunchTemplateVersion,
    string? Address,
    DateTimeOffset LaunchTime,
    string? StatusReason);

/// <summary>What a scaling group did and why (Launching a new instance, Terminating an unhealthy one...).</summary>
public sealed record ScalingActivity(string ActivityId, string Description, string Cause, string StatusCode, DateTimeOffset StartTime, DateTimeOffset? EndTime = null);

/// <summary>A scaling group as DescribeAutoScalingGroups shows it, with the deployment groups whose hooks it carries.</summary>
public sealed record AutoScalingGroupInfo(
    string AutoScalingGroupName,
    LaunchTemplateSpecification LaunchTemplate,
    int MinSize,
    int MaxSize,
    int DesiredCapacity,
    string HealthCheckType,
    int HealthCheckGracePeriod,
    IReadOnlyList<LifecycleHookInfo> LifecycleHooks,
    IReadOnlyList<AutoScalingInstanceInfo> Instances,
    IReadOnlyList<Tag> Tags,
    DateTimeOffset CreatedTime)
{
    /// <summary>Target groups its InService instances are registered in (ELB's TargetGroupARNs); leaving InService deregisters and drains them.</summary>
    public IReadOnlyList<string> TargetGroupNames { get; init; } = [];
}

/// <summary>A lifecycle hook; <see cref="ManagedBy"/> names the deployment group that installed it (null for a user's hook).</summary>
public sealed record LifecycleHookInfo(string LifecycleHookName, string LifecycleTransition, int HeartbeatTimeout, string DefaultResult, string? ManagedBy = null);
