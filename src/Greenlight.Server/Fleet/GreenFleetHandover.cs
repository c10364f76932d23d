using Greenlight.Contracts.V1;
using Greenlight.Core.Deployments;
using Greenlight.Engine.Storage;
using Greenlight.Server.Api;

namespace Greenlight.Server.Fleet;

/// <summary>
/// A blue/green deployment that copied its blue scaling group succeeded: the green group becomes the deployment
/// group's. It takes over blue's target groups (its InService instances get registered) and is no longer marked green;
/// the deployment group names it instead of blue, which moves the managed lifecycle hooks with it (they are derived from
/// the groups that name a scaling group). With KEEP_ALIVE, blue is detached and left running: no deployment group names
/// it any more and it leaves its target groups. Every step checks what is already done, so running it again (after a
/// crash, or from both the termination of blue and the success) changes nothing.
/// <code>
/// web/prod → [asg-web]; asg-web tg [tg-web]; asg-web-d-1 green for d-1, tg []
///   after   web/prod → [asg-web-d-1]; asg-web-d-1 tg [tg-web]; asg-web tg [tg-web] (TERMINATE: deleted next) or [] (KEEP_ALIVE)
/// </code>
/// </summary>
public sealed class GreenFleetHandover(IGreenlightStore store, FleetSignal signal, TimeProvider time)
{
    /// <summary>Hands the green fleet of a Succeeded blue/green deployment over to its deployment group; does nothing for other deployments.</summary>
    public async Task CompleteAsync(string deploymentId, string application, string deploymentGroup, DeploymentState state, CancellationToken ct)
    {
        if (state.Spec.Kind != DeploymentKind.BlueGreen || state.Status != DeploymentStatus.Succeeded || state.Spec.BlueGreen?.GreenFleet is not { IsExisting: false, AutoScalingGroup: { } blue })
        {
            return;
        }

        var green = GreenFleetNames.For(blue, deploymentId);
        var blueDoc = await AutoScalingGroupStore.GetAsync(store, blue, ct);
        var audit = new AuditEntry(time.GetUtcNow(), "engine", "HandOverGreenFleet", green, $"deployment {deploymentId} replaces {blue}");
        var greenDoc = await AutoScalingGroupStore.UpdateAsync(store, green, doc => doc.GreenFor != deploymentId
            ? null
            : doc with
            {
                GreenFor = null,
                TargetGroupNames = blueDoc?.Document.TargetGroupNames ?? [],
                MinSize = Math.Min(blueDoc?.Document.MinSize ?? doc.MinSize, doc.DesiredCapacity),
            }, audit, ct);
        if (greenDoc is null && await AutoScalingGroupStore.GetAsync(store, green, ct) is null)
        {
            return; // The green group is gone (deleted by hand): nothing to hand over.
        }

        await SwapAsync(DeploymentGroupsApi.Key(application, deploymentGroup), blue, green, audit, ct);
        if (state.Spec.BlueGreen.KeepsBlueAlive)
        {
            await AutoScalingGroupStore.UpdateAsync(store, blue, doc => doc.TargetGroupNames.Count == 0 ? null : doc with { TargetGroupNames = [] },
                new AuditEntry(time.GetUtcNow(), "engine", "DetachBlueFleet", blue, $"deployment {deploymentId} kept blue alive"), ct);
        }

        signal.Poke();
    }

    /// <summary>
    /// Deletes (forced: every instance goes) the green group a deployment provisioned, if it is still green: after a
    /// rollback retired green, or when the deployment ended before green was ever in service (launches failing forever
    /// would otherwise keep trying). A group already handed over is the deployment group's and stays.
    /// </summary>
    public async Task DiscardAsync(string deploymentId, string blue, string reason, CancellationToken ct)
    {
        var green = GreenFleetNames.For(blue, deploymentId);
        var deleted = await AutoScalingGroupStore.UpdateAsync(store, green,
            doc => doc.GreenFor != deploymentId || doc.Deleting ? null : FleetTermination.ForceDelete(doc),
            new AuditEntry(time.GetUtcNow(), "engine", "DeleteAutoScalingGroup", green, reason), ct);
        if (deleted is not null)
        {
            signal.Poke();
        }
    }

    private async Task SwapAsync(string key, string blue, string green, AuditEntry audit, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            if (await store.GetResourceAsync(ResourceKinds.DeploymentGroup, key, ct) is not { } stored)
            {
                return;
            }

            var group = Documents.Read<DeploymentGroupInfo>(stored.Body);
            var groups = group.AutoScalingGroups.Where(g => g != blue && g != green).ToList();
            groups.Insert(Math.Max(0, IndexOf(group.AutoScalingGroups, blue, green)), green);
            if (groups.SequenceEqual(group.AutoScalingGroups, StringComparer.Ordinal))
            {
                return;
            }

            try
            {
                await store.PutResourceAsync(ResourceKinds.DeploymentGroup, key, Documents.Write(group with { AutoScalingGroups = groups }), stored.Version, audit, ct);
                return;
            }
            catch (StoreConflictException e) when (e.Code == "VersionConflict")
            {
                // The group changed meanwhile: read it again.
            }
        }
    }

    /// <summary>Where green goes in the list: blue's place (or green's, when already swapped), counted without either.</summary>
    private static int IndexOf(IReadOnlyList<string> groups, string blue, string green)
    {
        var others = 0;
        foreach (var g in groups)
        {
            if (g == blue || g == green)
            {
                return others;
            }

            others++;
        }

        return others;
    }
}
