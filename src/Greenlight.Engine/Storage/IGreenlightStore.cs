namespace Greenlight.Engine.Storage;

/// <summary>
/// Everything Greenlight keeps. Two implementations (Greenlight.Store): SQLite and PostgreSQL, held to one
/// contract test suite. Every write that changes state also writes its audit entry in the same transaction.
/// Expected refusals throw <see cref="StoreConflictException"/> with a stable code; nothing is half-written.
/// </summary>
public interface IGreenlightStore : IAsyncDisposable
{
    /// <summary>Applies the versioned schema migrations not yet applied. Safe to call at every start.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>The schema version in force after <see cref="MigrateAsync"/>.</summary>
    Task<int> SchemaVersionAsync(CancellationToken cancellationToken);

    // Resources -------------------------------------------------------------------------------------------

    Task<StoredResource?> GetResourceAsync(string kind, string key, CancellationToken cancellationToken);

    /// <summary>Resources of a kind, ordered by key; with a prefix, only keys starting with it.</summary>
    Task<IReadOnlyList<StoredResource>> ListResourcesAsync(string kind, string? keyPrefix, CancellationToken cancellationToken);

    /// <summary>
    /// Creates (<paramref name="expectedVersion"/> 0: fails with AlreadyExists if present) or replaces
    /// (<paramref name="expectedVersion"/> n: fails with VersionConflict unless the stored version is n, NotFound if absent).
    /// </summary>
    Task<StoredResource> PutResourceAsync(string kind, string key, string body, long expectedVersion, AuditEntry audit, CancellationToken cancellationToken);

    /// <summary>Deletes; false if it was not there. With an expected version, VersionConflict unless it matches.</summary>
    Task<bool> DeleteResourceAsync(string kind, string key, long? expectedVersion, AuditEntry audit, CancellationToken cancellationToken);

    // Revisions -------------------------------------------------------------------------------------------

    /// <summary>Registers a revision; registering the same (application, sha256) again changes nothing and returns the stored one.</summary>
    Task<RevisionRecord> PutRevisionAsync(RevisionRecord revision, AuditEntry audit, CancellationToken cancellationToken);

    Task<RevisionRecord?> GetRevisionAsync(string application, string sha256, CancellationToken cancellationToken);

    /// <summary>An application's revisions, newest registration first.</summary>
    Task<IReadOnlyList<RevisionRecord>> ListRevisionsAsync(string application, CancellationToken cancellationToken);

    /// <summary>Records a use of the revision (sets first use once, last use every time).</summary>
    Task MarkRevisionUsedAsync(string application, string sha256, DateTimeOffset at, CancellationToken cancellationToken);

    // Deployments -----------------------------------------------------------------------------------------

    /// <summary>
    /// Creates a deployment with its first event-log entry. Fails with DeploymentLimitExceeded when the group
    /// already has an active deployment that counts for the limit, and AlreadyExists for a duplicate id; atomically.
    /// </summary>
    Task CreateDeploymentAsync(DeploymentRecord deployment, NewEvent created, AuditEntry? audit, CancellationToken cancellationToken);

    Task<DeploymentRecord?> GetDeploymentAsync(string deploymentId, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeploymentRecord>> ListDeploymentsAsync(DeploymentQuery query, CancellationToken cancellationToken);

    /// <summary>Writes one decision atomically (see <see cref="DecisionCommit"/>); a conflict writes nothing.</summary>
    Task<CommitResult> CommitDecisionAsync(DecisionCommit commit, CancellationToken cancellationToken);

    /// <summary>Ids of deployments not yet terminal whose wake-up time is at or before <paramref name="now"/>, earliest first.</summary>
    Task<IReadOnlyList<string>> DueDeploymentsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Ids of deployments not yet terminal (for the engine to resume after a restart).</summary>
    Task<IReadOnlyList<string>> ActiveDeploymentsAsync(CancellationToken cancellationToken);

    // Outbox ----------------------------------------------------------------------------------------------

    /// <summary>Commands not yet dispatched, oldest first (by deployment, then sequence).</summary>
    Task<IReadOnlyList<OutboxEntry>> PendingCommandsAsync(int limit, CancellationToken cancellationToken);

    Task MarkDispatchedAsync(string deploymentId, long seq, DateTimeOffset at, CancellationToken cancellationToken);

    // Event log -------------------------------------------------------------------------------------------

    /// <summary>A page of the deployment's event log, entries with seq greater than <paramref name="afterSeq"/>.</summary>
    Task<IReadOnlyList<EventEntry>> ListEventsAsync(string deploymentId, long afterSeq, int limit, CancellationToken cancellationToken);

    // Tokens and audit ------------------------------------------------------------------------------------

    Task PutTokenAsync(ApiTokenRecord token, AuditEntry? audit, CancellationToken cancellationToken);

    Task<ApiTokenRecord?> FindTokenByHashAsync(string hash, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiTokenRecord>> ListTokensAsync(CancellationToken cancellationToken);

    /// <summary>Revokes a token; false if there is no such token.</summary>
    Task<bool> RevokeTokenAsync(string id, DateTimeOffset at, AuditEntry audit, CancellationToken cancellationToken);

    /// <summary>The newest audit entries first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAuditAsync(int limit, CancellationToken cancellationToken);
}
