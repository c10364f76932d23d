using Greenlight.Core.Batching;

namespace Greenlight.Core.Deployments;

/// <summary>An instance a deployment targets, with its revision health at the start (for scheduling order).</summary>
public sealed record TargetInstance(string InstanceId, RevisionHealth Health = RevisionHealth.Old);
