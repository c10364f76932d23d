using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Greenlight.Core.Lifecycle;

namespace Greenlight.Core.Deployments;

/// <summary>
/// What must happen next. Every command has an idempotency <see cref="Key"/>: the engine carries a
/// command out at least once and its ports act at most once per key.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(RunLifecycleEvent), "runEvent")]
[JsonDerivedType(typeof(CancelLifecycleEvent), "cancelEvent")]
[JsonDerivedType(typeof(DeregisterTarget), "deregister")]
[JsonDerivedType(typeof(RegisterTarget), "register")]
[JsonDerivedType(typeof(SetTrafficWeights), "weights")]
[JsonDerivedType(typeof(ProvisionGreenFleet), "provisionGreen")]
[JsonDerivedType(typeof(TerminateInstances), "terminate")]
[JsonDerivedType(typeof(CompleteLifecycleAction), "completeLifecycleAction")]
[JsonDerivedType(typeof(StartRollbackDeployment), "startRollback")]
[JsonDerivedType(typeof(StartFollowUpDeployment), "startFollowUp")]
[JsonDerivedType(typeof(PublishStatus), "status")]
public abstract record Command(string Key);

/// <summary>Run a lifecycle event on an instance (the agent's ticket).</summary>
public sealed record RunLifecycleEvent(string Key, string InstanceId, LifecycleEvent Event, int Attempt, ScriptSource ScriptSource, string Revision) : Command(Key);

/// <summary>Stop a running event (the deployment stopped or failed).</summary>
public sealed record CancelLifecycleEvent(string Key, string InstanceId, LifecycleEvent Event, int Attempt) : Command(Key);

/// <summary>Take an instance out of its target groups and drain it (BlockTraffic).</summary>
public sealed record DeregisterTarget(string Key, string InstanceId, InstanceRole Role) : Command(Key);

/// <summary>Put an instance into its target groups and watch its health (AllowTraffic).</summary>
public sealed record RegisterTarget(string Key, string InstanceId, InstanceRole Role) : Command(Key);

/// <summary>Route this share of requests to blue and green, atomically.</summary>
public sealed record SetTrafficWeights(string Key, int BlueWeight, int GreenWeight) : Command(Key);

/// <summary>Create the green fleet from a launch template version (a copy of the blue scaling group).</summary>
public sealed record ProvisionGreenFleet(string Key, string AutoScalingGroup, string LaunchTemplateVersion, int Count) : Command(Key);

/// <summary>Terminate instances (blue after success, green after a rollback).</summary>
public sealed record TerminateInstances(string Key, ImmutableArray<string> InstanceIds, string Reason) : Command(Key);

/// <summary>Answer a scaling group's lifecycle hook: CONTINUE (true) or ABANDON (false).</summary>
public sealed record CompleteLifecycleAction(string Key, string InstanceId, bool Continue) : Command(Key);

/// <summary>
/// Create a rollback deployment of the last known-good revision. For blue/green, traffic is already back on
/// blue when this is issued; the rollback deployment runs the allow/block events and retires green.
/// </summary>
public sealed record StartRollbackDeployment(
    string Key,
    string Revision,
    string TriggeringDeploymentId,
    string Message,
    DeploymentKind Kind,
    ImmutableArray<string> Originals,
    ImmutableArray<string> Replacements) : Command(Key);

/// <summary>Deploy the revision to instances launched during the deployment (creator autoUpdate).</summary>
public sealed record StartFollowUpDeployment(string Key, string Revision, ImmutableArray<string> InstanceIds) : Command(Key);

/// <summary>The deployment's status changed: publish it (events, notifications, the group's last-good revision).</summary>
public sealed record PublishStatus(string Key, DeploymentStatus Status, FailureReason? Failure) : Command(Key);
