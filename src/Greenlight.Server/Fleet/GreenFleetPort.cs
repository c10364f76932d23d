using Greenlight.Core.Deployments;
using Greenlight.Core.Fleet;
using Greenlight.Engine.Ports;
using Greenlight.Engine.Running;
using Greenlight.Engine.Storage;
using Greenlight.Server.Api;
using Microsoft.Extensions.Logging;

namespace Greenlight.Server.Fleet;

/// <summary>
/// The engine's port to the fleet for blue/green: <see cref="ProvisionGreenFleet"/> creates the green copy of the blue
/// scaling group (the <see cref="GreenFleetWatcher"/> reports when it is in service), <see cref="TerminateInstances"/>
/// retires blue after a success or green after a rollback. Both are idempotent: the green group's name comes from the
/// deployment, and only live instances are terminated.
/// </summary>
public sealed class GreenFleetPort(IGreenlightStore store, GreenFleetHandover handover, FleetSignal signal, TimeProvider time, ILogger<GreenFleetPort> logger) : ICommandPort
{
    public bool Handles(Command command) => command is ProvisionGreenFleet or TerminateInstances;

    public Task ExecuteAsync(string deploymentId, Command command, CancellationToken cancellationToken) => command switch
    {
        ProvisionGreenFleet provision => ProvisionAsync(deploymentId, provision, cancellationToken),
        TerminateInstances terminate => TerminateAsync(deploymentId, terminate, cancellationToken),
        _ => Task.CompletedTask,
    };

    /// <summary>
    /// A copy of the blue group: same template at the command's version, desired = min = count, max at least blue's, same
    /// health check and tags and the user's own hooks; no target groups, and no deployment group names it, so no managed hooks.
    /// A blue group that is gone leaves nothing to copy: the watcher reports the failure.
    /// </summary>
    private async Task ProvisionAsync(string deploymentId, ProvisionGreenFleet command, CancellationToken ct)
    {
        var name = GreenFleetNames.For(command.AutoScalingGroup, deploymentId);
        if (await store.GetResourceAsync(ResourceKinds.AutoScalingGroup, name, ct) is not null ||
            await AutoScalingGroupStore.GetAsync(store, command.AutoScalingGroup, ct) is not var (blue, _))
        {
            return;
        }

        var count = Math.Max(1, command.Count);
        var green = new AutoScalingGroupDocument(name, blue.LaunchTemplate with { Version = command.LaunchTemplateVersion }, count, Math.Max(count, blue.MaxSize), count,
            blue.HealthCheckType, blue.HealthCheckGracePeriod, blue.Hooks, blue.Tags, time.GetUtcNow(), ScalingState.Empty, [], [])
        {
            GreenFor = deploymentId,
            TargetGroupNames = [],
        };
        try
        {
            await store.PutResourceAsync(ResourceKinds.AutoScalingGroup, name, Documents.Write(green), 0,
                new AuditEntry(time.GetUtcNow(), "engine", "CreateAutoScalingGroup", name, $"green fleet of deployment {deploymentId}, copy of {blue.Name}"), ct);
            GreenFleetLog.Provisioning(logger, deploymentId, name, blue.Name, command.LaunchTemplateVersion, count);
        }
        catch (StoreConflictException e) when (e.Code == "AlreadyExists")
        {
            // Created by an earlier attempt at this command.
        }

        signal.Poke();
    }

    /// <summary>
    /// Per scaling group: the whole group goes (forced delete) when the command covers every live instance of it, else just
    /// those instances with the desired capacity decremented. Registered hosts are not Greenlight's to terminate.
    /// </summary>
    private async Task TerminateAsync(string deploymentId, TerminateInstances command, CancellationToken ct)
    {
        if (await store.GetDeploymentAsync(deploymentId, ct) is { } record)
        {
            // Blue's group must stop being the deployment group's before it goes, or its managed termination hooks would
            // run termination deployments on instances blue/green already took out of service.
            var state = EngineJson.ReadState(record.StateJson);
            await handover.CompleteAsync(deploymentId, record.Application, record.DeploymentGroup, state, ct);

            // A rollback retires the whole green copy, also instances it launched that never became replacements.
            if (state.Spec is { Kind: DeploymentKind.BlueGreenRollback, RollbackTriggeringDeploymentId: { } triggering, BlueGreen.GreenFleet: { IsExisting: false, AutoScalingGroup: { } blue } })
            {
                await handover.DiscardAsync(triggering, blue, $"rollback {deploymentId}: {command.Reason}", ct);
            }
        }

        var remaining = command.InstanceIds.ToHashSet(StringComparer.Ordinal);
        foreach (var group in await AutoScalingGroupStore.ListAsync(store, ct))
        {
            var members = group.State.Instances.Select(i => i.InstanceId).Where(remaining.Contains).ToList();
            if (members.Count == 0)
            {
                continue;
            }

            remaining.ExceptWith(members);
            var audit = new AuditEntry(time.GetUtcNow(), "engine", "TerminateInstances", group.Name, $"deployment {deploymentId}: {command.Reason}");
            await AutoScalingGroupStore.UpdateAsync(store, group.Name, doc =>
            {
                if (doc.Deleting)
                {
                    return null;
                }

                if (FleetTermination.CoversAll(doc, members))
                {
                    GreenFleetLog.DeletingGroup(logger, deploymentId, doc.Name, command.Reason);
                    return FleetTermination.ForceDelete(doc);
                }

                var next = FleetTermination.Decrement(doc, members, command.Reason, time.GetUtcNow());
                if (next is not null)
                {
                    GreenFleetLog.Terminating(logger, deploymentId, doc.Name, string.Join(", ", FleetTermination.LiveAmong(doc, members)), command.Reason);
                }

                return next;
            }, audit, ct);
        }

        foreach (var instance in remaining.Order(StringComparer.Ordinal))
        {
            GreenFleetLog.CannotTerminate(logger, deploymentId, instance);
        }

        signal.Poke();
    }
}
