using Greenlight.Engine.Storage;
using Greenlight.Server.Api;

namespace Greenlight.Server.Alarms;

/// <summary>Reads and changes alarm documents with optimistic concurrency (<see cref="StoredDocuments"/>).</summary>
public static class AlarmStore
{
    public static Task<(AlarmDocument Document, long Version)?> GetAsync(IGreenlightStore store, string name, CancellationToken ct) =>
        StoredDocuments.GetAsync<AlarmDocument>(store, ResourceKinds.Alarm, name, ct);

    public static Task<IReadOnlyList<AlarmDocument>> ListAsync(IGreenlightStore store, CancellationToken ct) =>
        StoredDocuments.ListAsync<AlarmDocument>(store, ResourceKinds.Alarm, ct);

    /// <summary>
    /// Applies <paramref name="change"/> (null: no change) and stores the result; retried on a version conflict (an
    /// evaluation, the webhook or another call). Returns the stored document and the one it replaced, or null when the
    /// alarm does not exist or the change declined.
    /// </summary>
    public static Task<(AlarmDocument Before, AlarmDocument After)?> UpdateAsync(
        IGreenlightStore store, string name, Func<AlarmDocument, AlarmDocument?> change, AuditEntry audit, CancellationToken ct) =>
        StoredDocuments.UpdateAsync(store, ResourceKinds.Alarm, name, change, audit, $"alarm '{name}'", ct);
}
