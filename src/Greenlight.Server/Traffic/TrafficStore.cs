using Greenlight.Engine.Storage;
using Greenlight.Server.Api;

namespace Greenlight.Server.Traffic;

/// <summary>
/// Reads and changes load balancer and target group documents with optimistic concurrency: a change is re-applied to a
/// fresh read on a version conflict (as <see cref="Fleet.AutoScalingGroupStore"/>).
/// </summary>
public static class TrafficStore
{
    public static Task<(LoadBalancerDocument Document, long Version)?> LoadBalancerAsync(IGreenlightStore store, string name, CancellationToken ct) =>
        GetAsync<LoadBalancerDocument>(store, ResourceKinds.LoadBalancer, name, ct);

    public static Task<(TargetGroupDocument Document, long Version)?> TargetGroupAsync(IGreenlightStore store, string name, CancellationToken ct) =>
        GetAsync<TargetGroupDocument>(store, ResourceKinds.TargetGroup, name, ct);

    public static async Task<IReadOnlyList<LoadBalancerDocument>> LoadBalancersAsync(IGreenlightStore store, CancellationToken ct) =>
        [.. (await store.ListResourcesAsync(ResourceKinds.LoadBalancer, null, ct)).Select(r => Documents.Read<LoadBalancerDocument>(r.Body))];

    public static async Task<IReadOnlyList<TargetGroupDocument>> TargetGroupsAsync(IGreenlightStore store, CancellationToken ct) =>
        [.. (await store.ListResourcesAsync(ResourceKinds.TargetGroup, null, ct)).Select(r => Documents.Read<TargetGroupDocument>(r.Body))];

    /// <summary>
    /// Applies <paramref name="change"/> (null: no change) to the target group and stores the result; retried on a
    /// version conflict. Returns the stored document, or null when the group does not exist or the change declined.
    /// </summary>
    public static async Task<TargetGroupDocument?> UpdateTargetGroupAsync(
        IGreenlightStore store, string name, Func<TargetGroupDocument, TargetGroupDocument?> change, AuditEntry audit, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            if (await TargetGroupAsync(store, name, ct) is not var (document, version) || change(document) is not { } updated)
            {
                return null;
            }

            if (updated == document)
            {
                return updated;
            }

            try
            {
                await store.PutResourceAsync(ResourceKinds.TargetGroup, name, Documents.Write(updated), version, audit, ct);
                return updated;
            }
            catch (StoreConflictException e) when (e.Code == "VersionConflict")
            {
                // Changed meanwhile (the observer, a deployment or another call): apply the change to the new version.
            }
        }

        throw new StoreConflictException("VersionConflict", $"target group '{name}' kept changing; try again");
    }

    private static async Task<(T, long)?> GetAsync<T>(IGreenlightStore store, string kind, string name, CancellationToken ct) =>
        await store.GetResourceAsync(kind, name, ct) is { } stored ? (Documents.Read<T>(stored.Body), stored.Version) : null;
}
