namespace Greenlight.Core.Fleet;

/// <summary>A line for the group's activity history: what happened to which instance, and why.</summary>
public sealed record ScalingActivityNote(string? InstanceId, string Description, string Cause);
