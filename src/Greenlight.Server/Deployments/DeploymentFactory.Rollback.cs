using System.Collections.Immutable;
using Greenlight.Contracts.V1;
using Greenlight.Core.Deployments;
using Greenlight.Engine.Ports;
using Greenlight.Engine.Running;
using Greenlight.Engine.Storage;
using Greenlight.Server.Api;

namespace Greenlight.Server.Deployments;

/// <summary>A revision the group may go back to: the deployment that made it known-good, and how that deployment installed it.</summary>
public sealed record KnownGood(string DeploymentId, string Revision, string FileExistsBehavior);

public sealed partial class DeploymentFactory
{
    /// <summary>
    /// The rollback a failed or stopped deployment asked for. In-place: the known-good revision onto the group's current
    /// targets, installed with the FileExistsBehavior of the deployment that made it known-good (CodeDeploy: a rollback
    /// uses the content options of the last successful deployment), with ApplicationStop failures ignored (the stop
    /// script a rollback runs is the broken revision's, which must not block going back). Blue/green: blue gets its
    /// traffic back and green is retired, unless none of the originals exists any more; then it is an in-place redeploy
    /// of the known-good revision onto the group's current instances.
    /// </summary>
    public async Task<FactoryResult> RollbackAsync(DeploymentRecordView triggering, StartRollbackDeployment command, string deploymentId, CancellationToken ct)
    {
        if (await GroupAsync(triggering.Application, triggering.DeploymentGroup, ct) is not { } group)
        {
            return FactoryResult.Refused("the deployment group no longer exists");
        }

        var knownGood = await KnownGoodAsync(group, triggering.DeploymentId, ct);
        if (command.Kind == DeploymentKind.BlueGreenRollback)
        {
            var existing = await ExistingInstancesAsync(ct);
            if (command.Originals.Any(existing.Contains))
            {
                return FactoryResult.Of(BlueGreenRollback(triggering, command, deploymentId, group, knownGood?.Revision));
            }

            if (knownGood is null)
            {
                return FactoryResult.Refused("the original instances are gone and the deployment group has no known-good revision to redeploy");
            }
        }
        else if (command.Kind != DeploymentKind.InPlace)
        {
            return FactoryResult.Refused($"a {command.Kind} rollback is not something a deployment asks for");
        }

        var revision = knownGood?.Revision ?? command.Revision;
        return FactoryResult.Of(await InPlaceRollbackAsync(group, triggering.State.Spec.Configuration, revision, knownGood, command.TriggeringDeploymentId, deploymentId, ct));
    }

    /// <summary>
    /// A rollback asked for after the deployment ended (greenlight rollback --app --group): a new in-place deployment of the
    /// revision known-good before <paramref name="ended"/>, or why there is none.
    /// </summary>
    public async Task<(DeploymentSpec? Spec, string? Problem)> LaterRollbackAsync(DeploymentGroupInfo group, DeploymentRecordView ended, CancellationToken ct)
    {
        if (ended.State.Spec.Creator == DeploymentCreator.Rollback)
        {
            return (null, $"the group's most recent deployment {ended.DeploymentId} is itself a rollback (of {ended.State.Spec.RollbackTriggeringDeploymentId}); deploy a revision instead");
        }

        if (await KnownGoodAsync(group, ended.DeploymentId, ct) is not { } knownGood || knownGood.Revision == ended.State.Spec.Revision)
        {
            return (null, $"the deployment group has no known-good revision other than {ended.State.Spec.Revision} of {ended.DeploymentId}: nothing to roll back to");
        }

        var id = DeploymentIds.New();
        return (await InPlaceRollbackAsync(group, ended.State.Spec.Configuration, knownGood.Revision, knownGood, ended.DeploymentId, id, ct), null);
    }

    private async Task<DeploymentSpec> InPlaceRollbackAsync(DeploymentGroupInfo group, Core.Batching.DeploymentConfiguration configuration, string revision,
        KnownGood? knownGood, string triggeringId, string deploymentId, CancellationToken ct)
    {
        var spec = new DeploymentSpec(deploymentId, revision, DeploymentKind.InPlace, configuration, await TargetsAsync(group, revision, ct))
        {
            Creator = DeploymentCreator.Rollback,
            RollbackTriggeringDeploymentId = triggeringId,
            IgnoreApplicationStopFailures = true,
            FileExistsBehavior = knownGood?.FileExistsBehavior ?? "DISALLOW",
        };
        return Apply(spec, group, revision, null, null);
    }

    /// <summary>
    /// The group's last known-good revision: that of its newest Succeeded deployment by a user, a rollback or a
    /// follow-up (a user's deployment succeeds only after its watch window passed without an alarm: an alarm in the
    /// window stops it). Those run one at a time per group, so the newest created is the last to succeed. Launch and
    /// termination deployments are left out: they run beside the others and install the known-good revision itself, so
    /// a launch created during a user's deployment of v2 and ending after it would otherwise make v1 "newest" again.
    /// Read from the deployments themselves, not from the group document, which the engine updates only when it
    /// dispatches the success (a deployment created in between would otherwise start without a revision to roll back to).
    /// </summary>
    public async Task<string?> KnownGoodRevisionAsync(DeploymentGroupInfo group, CancellationToken ct) =>
        (await KnownGoodAsync(group, null, ct))?.Revision ?? group.TargetRevision?.Bundle?.Sha256;

    /// <summary>
    /// The newest Succeeded user, rollback or follow-up deployment of the group other than <paramref name="excluding"/>,
    /// and how it installed. A rollback or follow-up redeploying a revision reports the FileExistsBehavior of the
    /// deployment that made that revision known-good first, so going back twice still installs as the original did.
    /// </summary>
    public async Task<KnownGood?> KnownGoodAsync(DeploymentGroupInfo group, string? excluding, CancellationToken ct)
    {
        var succeeded = (await store.ListDeploymentsAsync(new DeploymentQuery(group.ApplicationName, group.DeploymentGroupName, ["Succeeded"], Limit: 200), ct))
            .Where(d => !IsScaling(d.Kind) && d.DeploymentId != excluding)
            .Select(d => (d.DeploymentId, Spec: EngineJson.ReadState(d.StateJson).Spec))
            .ToList();
        if (succeeded.Count == 0)
        {
            return null;
        }

        var newest = succeeded[0];
        var installedBy = succeeded.Where(d => d.Spec.Revision == newest.Spec.Revision && d.Spec.Creator == DeploymentCreator.User)
            .Select(d => d.Spec.FileExistsBehavior).FirstOrDefault();
        return new KnownGood(newest.DeploymentId, newest.Spec.Revision, installedBy ?? newest.Spec.FileExistsBehavior);
    }

    private TimeSpan WatchWindowOf(DeploymentGroupInfo group) =>
        group.WatchSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromMinutes(group.WatchMinutes);

    /// <summary>Instances that still exist: registered ones and scaling group members not terminated.</summary>
    private async Task<ImmutableHashSet<string>> ExistingInstancesAsync(CancellationToken ct)
    {
        var registered = (await store.ListResourcesAsync(ResourceKinds.Instance, null, ct)).Select(r => r.Key);
        var members = (await store.ListResourcesAsync(ResourceKinds.AutoScalingGroup, null, ct))
            .Select(r => Documents.Read<Fleet.AutoScalingGroupDocument>(r.Body))
            .SelectMany(g => g.State.Instances)
            .Where(i => i.State is not (Core.Fleet.LifecycleState.Terminating or Core.Fleet.LifecycleState.TerminatingWait or Core.Fleet.LifecycleState.Terminated))
            .Select(i => i.InstanceId);
        return [.. registered.Concat(members)];
    }
}
