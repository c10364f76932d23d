using System.Text.Json.Serialization;

namespace Greenlight.Core.Fleet;

/// <summary>What the shell must do for a scaling group after a decision.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(LaunchInstances), "launch")]
[JsonDerivedType(typeof(TerminateInstance), "terminate")]
[JsonDerivedType(typeof(NotifyHooks), "notifyHooks")]
public abstract record FleetAction;

/// <summary>Launch this many new instances (the shell names them and adds them as Pending).</summary>
public sealed record LaunchInstances(int Count) : FleetAction;

/// <summary>Stop the instance for good (its agent, its processes, its sandbox); it is now Terminated.</summary>
public sealed record TerminateInstance(string InstanceId, string Reason) : FleetAction;

/// <summary>The instance started waiting on the hooks of <paramref name="Transition"/>: start what answers them (launch or termination deployments).</summary>
public sealed record NotifyHooks(string InstanceId, HookTransition Transition) : FleetAction;
