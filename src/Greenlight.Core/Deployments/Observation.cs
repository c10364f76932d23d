using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Greenlight.Core.Alarms;
using Greenlight.Core.Lifecycle;

namespace Greenlight.Core.Deployments;

/// <summary>
/// What the world reported to a deployment. The engine feeds each one to <see cref="DeploymentMachine.Decide"/>
/// with the time it was observed; <see cref="Tick"/> is a wake-up when nothing else happened.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(StartRequested), "start")]
[JsonDerivedType(typeof(Tick), "tick")]
[JsonDerivedType(typeof(EventStarted), "eventStarted")]
[JsonDerivedType(typeof(EventCompleted), "eventCompleted")]
[JsonDerivedType(typeof(TargetDrained), "targetDrained")]
[JsonDerivedType(typeof(TargetHealthChanged), "targetHealth")]
[JsonDerivedType(typeof(AlarmChanged), "alarm")]
[JsonDerivedType(typeof(AlarmPollFailed), "alarmPollFailed")]
[JsonDerivedType(typeof(StopRequested), "stop")]
[JsonDerivedType(typeof(ContinueRequested), "continue")]
[JsonDerivedType(typeof(RollbackRequested), "rollback")]
[JsonDerivedType(typeof(GreenFleetProvisioned), "greenProvisioned")]
[JsonDerivedType(typeof(GreenFleetFailed), "greenFailed")]
[JsonDerivedType(typeof(InstanceLaunched), "instanceLaunched")]
[JsonDerivedType(typeof(InstanceLost), "instanceLost")]
[JsonDerivedType(typeof(RollbackDeploymentCreated), "rollbackCreated")]
[JsonDerivedType(typeof(RolledBackLater), "rolledBackLater")]
[JsonDerivedType(typeof(RollbackNotCreated), "rollbackNotCreated")]
public abstract record Observation;

/// <summary>The engine takes the deployment up (Created → InProgress).</summary>
public sealed record StartRequested : Observation;

/// <summary>A wake-up at or after the decision's WakeAt.</summary>
public sealed record Tick : Observation;

/// <summary>The agent began the event (its ticket).</summary>
public sealed record EventStarted(string InstanceId, LifecycleEvent Event, int Attempt) : Observation;

/// <summary>The agent (or the service, for service events) finished the event.</summary>
public sealed record EventCompleted(string InstanceId, LifecycleEvent Event, int Attempt, bool Succeeded, InstanceDiagnostics? Diagnostics = null) : Observation;

/// <summary>The load balancer finished draining a deregistered target (BlockTraffic done).</summary>
public sealed record TargetDrained(string InstanceId) : Observation;

/// <summary>The load balancer's health check verdict on a registered target.</summary>
public sealed record TargetHealthChanged(string InstanceId, bool Healthy) : Observation;

/// <summary>An alarm changed state; <paramref name="Detail"/> explains the evaluation.</summary>
public sealed record AlarmChanged(string Alarm, AlarmState State, string Detail = "") : Observation;

/// <summary>The alarms could not be read.</summary>
public sealed record AlarmPollFailed(string Detail) : Observation;

/// <summary>A user asked to stop; <paramref name="AutoRollbackEnabled"/> rolls back what was changed.</summary>
public sealed record StopRequested(bool AutoRollbackEnabled, string By = "user") : Observation;

/// <summary>A user asked to continue a deployment waiting in Ready, or to skip the wait before terminating blue.</summary>
public sealed record ContinueRequested(ContinueKind Kind) : Observation;

/// <summary>A user asked to roll back this deployment now, whatever the rollback configuration says.</summary>
public sealed record RollbackRequested(string By = "user") : Observation;

/// <summary>The green fleet exists.</summary>
public sealed record GreenFleetProvisioned(ImmutableArray<string> InstanceIds) : Observation;

/// <summary>The green fleet could not be created.</summary>
public sealed record GreenFleetFailed(string Detail) : Observation;

/// <summary>A scaling group launched an instance into the deployment group during this deployment.</summary>
public sealed record InstanceLaunched(string InstanceId) : Observation;

/// <summary>An instance disappeared (terminated, lost its agent).</summary>
public sealed record InstanceLost(string InstanceId, string Detail) : Observation;

/// <summary>The engine created the rollback deployment this deployment asked for.</summary>
public sealed record RollbackDeploymentCreated(string DeploymentId) : Observation;

/// <summary>The engine could not create the rollback deployment this deployment asked for (the factory said why).</summary>
public sealed record RollbackNotCreated(string Reason) : Observation;

/// <summary>
/// After this deployment ended, someone rolled the group back from it: <see cref="DeploymentId"/> is the new rollback
/// deployment, redeploying <see cref="Revision"/>. Links the ended deployment to it (rollbackInfo.rollbackDeploymentId).
/// </summary>
public sealed record RolledBackLater(string DeploymentId, string Revision, string By = "user") : Observation;

/// <summary>Which wait a continue ends (CodeDeploy's DeploymentWaitType).</summary>
public enum ContinueKind
{
    ReadyWait,
    TerminationWait,
}
