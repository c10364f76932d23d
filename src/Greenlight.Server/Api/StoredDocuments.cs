using Greenlight.Engine.Storage;

namespace Greenlight.Server.Api;

/// <summary>
/// Typed documents of one resource kind with optimistic concurrency: a change is re-applied to a fresh read when the
/// stored version moved meanwhile (the engine, the fleet controller, an evaluator or another call wrote it).
/// </summary>
public static class StoredDocuments
{
    private const int Attempts = 20;

    public static async Task<(T Document, long Version)?> GetAsync<T>(IGreenlightStore store, string kind, string key, CancellationToken ct) =>
        await store.GetResourceAsync(kind, key, ct) is { } stored ? (Documents.Read<T>(stored.Body), stored.Version) : null;

    public static async Task<IReadOnlyList<T>> ListAsync<T>(IGreenlightStore store, string kind, CancellationToken ct) =>
        [.. (await store.ListResourcesAsync(kind, null, ct)).Select(r => Documents.Read<T>(r.Body))];

    /// <summary>
    /// Applies <paramref name="change"/> (null: declined) and stores the result unless it equals what was read; retried on a
    /// version conflict. Returns the document read and the one stored, or null when it does not exist or the change declined.
    /// <paramref name="what"/> names it in the error when it kept changing (e.g. "alarm 'web-5xx'").
    /// </summary>
    public static async Task<(T Before, T After)?> UpdateAsync<T>(
        IGreenlightStore store, string kind, string key, Func<T, T?> change, AuditEntry audit, string what, CancellationToken ct)
        where T : class
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (await GetAsync<T>(store, kind, key, ct) is not var (document, version) || change(document) is not { } updated)
            {
                return null;
            }

            if (updated.Equals(document))
            {
                return (document, updated);
            }

            try
            {
                await store.PutResourceAsync(kind, key, Documents.Write(updated), version, audit, ct);
                return (document, updated);
            }
            catch (StoreConflictException e) when (e.Code == "VersionConflict")
            {
                // Changed meanwhile: apply the change to the new version.
            }
        }

        throw new StoreConflictException("VersionConflict", $"{what} kept changing; try again");
    }
}
