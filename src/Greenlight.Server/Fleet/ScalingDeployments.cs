using Greenlight.Contracts.V1;
using Greenlight.Core.Deployments;
using Greenlight.Core.Fleet;
using Greenlight.Engine.Running;
using Greenlight.Engine.Storage;
using Greenlight.Server.Api;
using Greenlight.Server.Deployments;
using Microsoft.Extensions.Logging;

namespace Greenlight.Server.Fleet;

/// <summary>
/// What answers the hooks deployment groups put on scaling groups: for an instance in Pending:Wait, a launch deployment
/// of each group's last successful revision (and the group's running deployment learns the instance is outdated); for
/// one in Terminating:Wait, a termination deployment. A group with nothing to install answers CONTINUE at once. Each
/// deployment's id is derived from the instance and group, so asking again after a crash creates nothing twice.
/// </summary>
public sealed class ScalingDeployments(IGreenlightStore store, DeploymentEngine engine, DeploymentFactory factory, HookAnswers answers,
    ILogger<ScalingDeployments> logger)
{
    private static readonly string[] ActiveStatuses = ["Created", "Queued", "InProgress", "Baking", "Ready"];

    public async Task AnswerHooksAsync(string autoScalingGroup, FleetInstance instance, IEnumerable<DeploymentGroupInfo> groups, CancellationToken ct)
    {
        var launching = instance.State == LifecycleState.PendingWait;
        foreach (var group in ManagedHooks.GroupsOf(autoScalingGroup, groups))
        {
            if (!launching && !group.TerminationHookEnabled)
            {
                continue;
            }

            var hook = launching ? ManagedHooks.LaunchHook(group.ApplicationName, group.DeploymentGroupName) : ManagedHooks.TerminateHook(group.ApplicationName, group.DeploymentGroupName);
            if (launching)
            {
                // Every pass while it waits, not only when its launch deployment is created: a crash in between, a
                // deployment still Created, or a group with nothing to install yet must not leave the instance
                // unknown to the running deployment. A second report is refused as stale and changes nothing.
                await TellRunningDeploymentsAsync(group, instance.InstanceId, ct);
            }

            if (instance.HookResults.ContainsKey(hook))
            {
                continue;
            }

            var revision = launching ? await factory.KnownGoodRevisionAsync(group, ct) : await RunningRevisionAsync(instance.InstanceId, ct);
            if (revision is null)
            {
                await answers.CompleteAsync(autoScalingGroup, instance.InstanceId, hook, true, ct);
                continue;
            }

            var kind = launching ? DeploymentKind.AutoScalingLaunch : DeploymentKind.AutoScalingTermination;
            var id = DeploymentIds.DerivedFrom($"{kind}:{instance.InstanceId}:{group.ApplicationName}/{group.DeploymentGroupName}");
            if (await store.GetDeploymentAsync(id, ct) is not null)
            {
                continue;
            }

            try
            {
                await engine.CreateAsync(factory.ForScaling(group, instance.InstanceId, kind, revision, id), group.ApplicationName, group.DeploymentGroupName, null, ct);
                FleetLog.ScalingDeployment(logger, instance.InstanceId, kind.ToString(), id, revision, group.ApplicationName, group.DeploymentGroupName);
            }
            catch (StoreConflictException e) when (e.Code == "AlreadyExists")
            {
                continue;
            }
            catch (StoreConflictException e)
            {
                FleetLog.ScalingDeploymentRefused(logger, instance.InstanceId, kind.ToString(), group.ApplicationName, group.DeploymentGroupName, e.Message);
                continue;
            }

        }
    }

    /// <summary>An instance is gone: every unfinished deployment that counts on it stops waiting for it.</summary>
    public async Task InstanceGoneAsync(string instanceId, string detail, CancellationToken ct)
    {
        foreach (var id in await store.ActiveDeploymentsAsync(ct))
        {
            if (await engine.LoadStateAsync(id, ct) is { } state && state.Find(instanceId) is { IsTerminal: false })
            {
                await engine.ObserveAsync(id, new InstanceLost(instanceId, detail), ct);
            }
        }
    }

    private async Task TellRunningDeploymentsAsync(DeploymentGroupInfo group, string instanceId, CancellationToken ct)
    {
        foreach (var running in await store.ListDeploymentsAsync(new DeploymentQuery(group.ApplicationName, group.DeploymentGroupName, ActiveStatuses, Limit: 10), ct))
        {
            if (running.Kind is nameof(DeploymentKind.InPlace) or nameof(DeploymentKind.BlueGreen))
            {
                await engine.ObserveAsync(running.DeploymentId, new InstanceLaunched(instanceId), ct);
            }
        }
    }

    private async Task<string?> RunningRevisionAsync(string instanceId, CancellationToken ct) =>
        await store.GetResourceAsync(InstanceHealthInfo.Kind, instanceId, ct) is { } stored ? Documents.Read<InstanceHealthInfo>(stored.Body).Revision : null;
}
