using Greenlight.Engine.Storage;
using Greenlight.Server.Api;

namespace Greenlight.Server.Fleet;

/// <summary>Reads and changes scaling group documents with optimistic concurrency (<see cref="StoredDocuments"/>).</summary>
public static class AutoScalingGroupStore
{
    public static Task<(AutoScalingGroupDocument Document, long Version)?> GetAsync(IGreenlightStore store, string name, CancellationToken ct) =>
        StoredDocuments.GetAsync<AutoScalingGroupDocument>(store, ResourceKinds.AutoScalingGroup, name, ct);

    public static Task<IReadOnlyList<AutoScalingGroupDocument>> ListAsync(IGreenlightStore store, CancellationToken ct) =>
        StoredDocuments.ListAsync<AutoScalingGroupDocument>(store, ResourceKinds.AutoScalingGroup, ct);

    /// <summary>
    /// Applies <paramref name="change"/> (null: no change) and stores the result; retried on a version conflict (the
    /// controller or another call). Returns the stored document, or null when the group does not exist or the change declined.
    /// </summary>
    public static async Task<AutoScalingGroupDocument?> UpdateAsync(
        IGreenlightStore store, string name, Func<AutoScalingGroupDocument, AutoScalingGroupDocument?> change, AuditEntry audit, CancellationToken ct) =>
        (await StoredDocuments.UpdateAsync(store, ResourceKinds.AutoScalingGroup, name, change, audit, $"auto scaling group '{name}'", ct))?.After;
}
