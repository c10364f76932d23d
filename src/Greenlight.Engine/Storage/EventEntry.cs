namespace Greenlight.Engine.Storage;

/// <summary>An entry of a deployment's event log; <see cref="Seq"/> runs 1, 2, 3... per deployment without gaps.</summary>
public sealed record EventEntry(string DeploymentId, long Seq, DateTimeOffset At, string Type, string Json);
