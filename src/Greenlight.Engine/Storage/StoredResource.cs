namespace Greenlight.Engine.Storage;

/// <summary>
/// A named resource kept as a JSON document: applications, deployment groups, deployment configurations,
/// instances, auto scaling groups, launch templates, load balancers, target groups, alarms.
/// <see cref="Version"/> starts at 1 and grows by one on every write (optimistic concurrency).
/// </summary>
public sealed record StoredResource(string Kind, string Key, string Body, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
