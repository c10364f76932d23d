namespace Greenlight.Engine.Storage;

/// <summary>A command waiting to be dispatched (or dispatched at <see cref="DispatchedAt"/>).</summary>
public sealed record OutboxEntry(string DeploymentId, long Seq, string Key, string Type, string Json, DateTimeOffset CreatedAt, DateTimeOffset? DispatchedAt);
