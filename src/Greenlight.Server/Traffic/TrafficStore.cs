using Greenlight.Engine.Storage;
using Greenlight.Server.Api;

namespace Greenlight.Server.Traffic;

/// <summary>
/// Reads and changes load balancer and target group documents with optimistic concurrency: a change is re-applied to a
/// fresh read on a version conflict (<see cref="StoredDocuments"/>).
/// </summary>
public static class TrafficStore
{
    public static Task<(LoadBalancerDocument Document, long Version)?> LoadBalancerAsync(IGreenlightStore store, string name, CancellationToken ct) =>
        GetAsync<LoadBalancerDocument>(store, ResourceKinds.LoadBalancer, name, ct);

    public static Task<(TargetGroupDocument Document, long Version)?> TargetGroupAsync(IGreenlightStore store, string name, CancellationToken ct) =>
        GetAsync<TargetGroupDocument>(store, ResourceKinds.TargetGroup, name, ct);

    public static Task<IReadOnlyList<LoadBalancerDocument>> LoadBalancersAsync(IGreenlightStore store, CancellationToken ct) =>
        StoredDocuments.ListAsync<LoadBalancerDocument>(store, ResourceKinds.LoadBalancer, ct);

    public static Task<IReadOnlyList<TargetGroupDocument>> TargetGroupsAsync(IGreenlightStore store, CancellationToken ct) =>
        StoredDocuments.ListAsync<TargetGroupDocument>(store, ResourceKinds.TargetGroup, ct);

    /// <summary>
    /// Applies <paramref name="change"/> (null: no change) to the target group and stores the result; retried on a
    /// version conflict (the observer, a deployment or another call). Returns the stored document, or null when the group
    /// does not exist or the change declined.
    /// </summary>
    public static async Task<TargetGroupDocument?> UpdateTargetGroupAsync(
        IGreenlightStore store, string name, Func<TargetGroupDocument, TargetGroupDocument?> change, AuditEntry audit, CancellationToken ct) =>
        (await StoredDocuments.UpdateAsync(store, ResourceKinds.TargetGroup, name, change, audit, $"target group '{name}'", ct))?.After;

    private static Task<(T Document, long Version)?> GetAsync<T>(IGreenlightStore store, string kind, string name, CancellationToken ct) =>
        StoredDocuments.GetAsync<T>(store, kind, name, ct);
}
