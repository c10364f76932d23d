using Greenlight.Engine.Storage;
using Greenlight.Server.Api;

namespace Greenlight.Server.Fleet;

/// <summary>Reads and changes scaling group documents with optimistic concurrency: a change is re-applied to a fresh read on conflict.</summary>
public static class AutoScalingGroupStore
{
    public static async Task<(AutoScalingGroupDocument Document, long Version)?> GetAsync(IGreenlightStore store, string name, CancellationToken ct) =>
        await store.GetResourceAsync(ResourceKinds.AutoScalingGroup, name, ct) is { } stored
            ? (Documents.Read<AutoScalingGroupDocument>(stored.Body), stored.Version)
            : null;

    public static async Task<IReadOnlyList<AutoScalingGroupDocument>> ListAsync(IGreenlightStore store, CancellationToken ct) =>
        [.. (await store.ListResourcesAsync(ResourceKinds.AutoScalingGroup, null, ct)).Select(r => Documents.Read<AutoScalingGroupDocument>(r.Body))];

    /// <summary>
    /// Applies <paramref name="change"/> (null: no change) and stores the result; retried on a version conflict.
    /// Returns the stored document, or null when the group does not exist or the change declined.
    /// </summary>
    public static async Task<AutoScalingGroupDocument?> UpdateAsync(
        IGreenlightStore store, string name, Func<AutoScalingGroupDocument, AutoScalingGroupDocument?> change, AuditEntry audit, CancellationToken ct)
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
                await store.PutResourceAsync(ResourceKinds.AutoScalingGroup, name, Documents.Write(updated), version, audit, ct);
                return updated;
            }
            catch (StoreConflictException e) when (e.Code == "VersionConflict")
            {
                // Changed meanwhile (the controller or another call): apply the change to the new version.
            }
        }

        throw new StoreConflictException("VersionConflict", $"auto scaling group '{name}' kept changing; try again");
    }
}
