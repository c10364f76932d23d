namespace Greenlight.Engine.Storage;

/// <summary>
/// Everything one accepted decision writes, in one transaction: the new state (only if the row is still at
/// <see cref="ExpectedVersion"/>), the event-log entries (numbered per deployment without gaps), and the
/// outgoing commands (the outbox). A command whose key is already in the outbox is not added twice.
/// </summary>
public sealed record DecisionCommit(
    string DeploymentId,
    long ExpectedVersion,
    string StateJson,
    string Status,
    DateTimeOffset? WakeAt,
    bool Terminal,
    IReadOnlyList<NewEvent> Events,
    IReadOnlyList<NewCommand> Commands,
    DateTimeOffset At);

/// <summary>An entry for the deployment's event log.</summary>
public sealed record NewEvent(string Type, string Json);

/// <summary>A command for the outbox: its idempotency key, its type and its JSON.</summary>
public sealed record NewCommand(string Key, string Type, string Json);
