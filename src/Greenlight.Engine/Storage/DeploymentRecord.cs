namespace Greenlight.Engine.Storage;

/// <summary>
/// A deployment row: its identity and group, the Core <c>DeploymentState</c> as JSON, and the columns the
/// engine queries by (status, wake-up time). <see cref="Version"/> guards every write (optimistic concurrency).
/// <see cref="CountsForLimit"/> is false for auto scaling launch and termination deployments, which may run
/// beside a user deployment of the same group.
/// </summary>
public sealed record DeploymentRecord(
    string DeploymentId,
    string Application,
    string DeploymentGroup,
    string Kind,
    string Creator,
    string Status,
    string StateJson,
    long Version,
    DateTimeOffset? WakeAt,
    bool CountsForLimit,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
