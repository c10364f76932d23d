using Greenlight.Engine.Storage;
using Greenlight.Server.Api;

namespace Greenlight.Server.Alarms;

/// <summary>Reads and changes alarm documents with optimistic concurrency: a change is re-applied to a fresh read on conflict.</summary>
public static class AlarmStore
{
    public static async Task<(AlarmDocument Document, long Version)?> GetAsync(IGreenlightStore store, string name, CancellationToken ct) =>
        await store.GetResourceAsync(ResourceKinds.Alarm, name, ct) is { } stored
            ? (Documents.Read<AlarmDocument>(stored.Body), stored.Version)
            : null;

    public static async Task<IReadOnlyList<AlarmDocument>> ListAsync(IGreenlightStore store, CancellationToken ct) =>
        [.. (await store.ListResourcesAsync(ResourceKinds.Alarm, null, ct)).Select(r => Documents.Read<AlarmDocument>(r.Body))];

    /// <summary>
    /// Applies <paramref name="change"/> (null: no change) and stores the result; retried on a version conflict.
    /// Returns the stored document and the one it replaced, or null when the alarm does not exist or the change declined.
    /// </summary>
    public static async Task<(AlarmDocument Before, AlarmDocument After)?> UpdateAsync(
        IGreenlightStore store, string name, Func<AlarmDocument, AlarmDocument?> change, AuditEntry audit, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            if (await GetAsync(store, name, ct) is not var (document, version))
            {
                return null;
            }

            if (change(document) is not { } updated)
            {
                return null;
            }

            try
            {
                await store.PutResourceAsync(ResourceKinds.Alarm, name, Documents.Write(updated), version, audit, ct);
                return (document, updated);
            }
            catch (StoreConflictException e) when (e.Code == "VersionConflict")
            {
                // Changed meanwhile (an evaluation, the webhook or another call): apply the change to the new version.
            }
        }

        throw new StoreConflictException("VersionConflict", $"alarm '{name}' kept changing; try again");
    }
}
