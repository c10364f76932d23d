using System.Collections.Immutable;
using System.Security.Cryptography;
using Greenlight.Contracts.V1;
using Greenlight.Core.Fleet;
using Greenlight.Engine.Storage;
using Greenlight.Server.Agents;
using Greenlight.Server.Api;
using Greenlight.Server.Traffic;
using Microsoft.Extensions.Logging;

namespace Greenlight.Server.Fleet;

/// <summary>
/// One pass over one scaling group: ask the planner what to do (with what the agents and processes show), store its
/// answer, then carry out the side effects, each recorded so that a pass after a crash finishes what is unfinished:
/// launch instances without a process, start the deployments that answer hooks, and clean up terminated instances.
/// The built-in load balancer's target health is part of the facts; the planner counts it for ELB health checks only.
/// </summary>
public sealed class FleetReconciler(IGreenlightStore store, IEnumerable<IFleetProvider> providers, AgentPresence presence, FleetSettings settings,
    ScalingDeployments deployments, InstanceLauncher launcher, TrafficState traffic, TimeProvider time, ILogger<FleetReconciler> logger)
{
    private readonly Dictionary<string, IFleetProvider> _providers = providers.ToDictionary(p => p.Name, StringComparer.Ordinal);

    /// <summary>Reconciles the group; returns false when it no longer exists.</summary>
    public async Task<bool> ReconcileAsync(string name, CancellationToken ct)
    {
        if (await AutoScalingGroupStore.GetAsync(store, name, ct) is not var (doc, version))
        {
            return false;
        }

        if (doc.Deleting && doc.State.Instances.All(i => i.State == LifecycleState.Terminated) && doc.Placements.All(p => p.CleanedUp))
        {
            await store.DeleteResourceAsync(ResourceKinds.AutoScalingGroup, name, version, new AuditEntry(time.GetUtcNow(), "fleet", "DeleteAutoScalingGroup", name, "all instances terminated"), ct);
            return false;
        }

        var groups = await AutoScalingGroupsApi.DeploymentGroupsAsync(store, ct);
        var decided = await DecideAsync(doc, groups, ct);
        if (decided is not null)
        {
            try
            {
                await store.PutResourceAsync(ResourceKinds.AutoScalingGroup, name, Documents.Write(decided), version,
                    new AuditEntry(time.GetUtcNow(), "fleet", "Reconcile", name), ct);
                doc = decided;
            }
            catch (StoreConflictException e) when (e.Code == "VersionConflict")
            {
                return true; // Changed meanwhile (an API call, a hook answer): decide again on the next pass.
            }
        }

        foreach (var instance in doc.State.Instances)
        {
            var placement = doc.PlacementOf(instance.InstanceId);
            switch (instance.State)
            {
                case LifecycleState.Pending when placement is { Launched: null, LaunchError: null }:
                    await launcher.LaunchAsync(doc, placement, ct);
                    break;
                case LifecycleState.PendingWait or LifecycleState.TerminatingWait:
                    await deployments.AnswerHooksAsync(name, instance, groups, ct);
                    break;
                case LifecycleState.Terminated when placement is { CleanedUp: false }:
                    await launcher.CleanUpAsync(doc, placement, instance.Reason ?? "terminated", ct);
                    break;
            }
        }

        return true;
    }

    /// <summary>The planner's decisions until the state settles (bounded), as the document to store; null when nothing changed.</summary>
    private async Task<AutoScalingGroupDocument?> DecideAsync(AutoScalingGroupDocument doc, IReadOnlyList<DeploymentGroupInfo> groups, CancellationToken ct)
    {
        var template = doc.LaunchTemplate.LaunchTemplateName is { } templateName ? await LaunchTemplatesApi.FindAsync(store, templateName, ct) : null;
        var version = template is null ? null : LaunchTemplateVersions.Resolve(template, doc.LaunchTemplate.Version);
        var hooks = ManagedHooks.ToPlanner([.. doc.Hooks, .. ManagedHooks.For(doc.Name, groups, settings)]);
        var spec = new ScalingGroupSpec(doc.Name, doc.MinSize, doc.MaxSize, doc.DesiredCapacity, version?.VersionNumber ?? 0,
            TimeSpan.FromSeconds(doc.HealthCheckGracePeriod), hooks)
        {
            HealthCheck = string.Equals(doc.HealthCheckType, "ELB", StringComparison.OrdinalIgnoreCase) ? HealthCheckType.Elb : HealthCheckType.Agent,
        };
        var now = time.GetUtcNow();
        var verdicts = LoadBalancerHealth.Of(traffic.Runtime.Targets());
        var facts = doc.State.Instances.ToDictionary(i => i.InstanceId, i => LoadBalancerHealth.With(Facts(i, doc.PlacementOf(i.InstanceId)), verdicts, i.InstanceId),
            StringComparer.Ordinal);

        var state = doc.State;
        var placements = doc.Placements.ToList();
        var notes = new List<ScalingActivityNote>();
        for (var pass = 0; pass < 10; pass++)
        {
            var decision = FleetPlanner.Decide(spec, state, facts, settings.Policy, now);
            var next = decision.Next;
            var launch = decision.Actions.OfType<LaunchInstances>().Sum(a => a.Count);
            if (launch > 0 && (version is null || !_providers.ContainsKey(version.LaunchTemplateData.Provider ?? "local")))
            {
                var problem = version is null
                    ? $"launch template {doc.LaunchTemplate.LaunchTemplateName} version {doc.LaunchTemplate.Version} does not exist"
                    : $"no fleet provider '{version.LaunchTemplateData.Provider}' in this server";

                // Nothing is launched: the planner's launch notes (the only ones without an instance) are not kept, the
                // problem is noted once, and deciding again would only ask for the same launch.
                notes.AddRange(decision.Activities.Where(n => n.InstanceId is not null));
                if (doc.Activities.LastOrDefault()?.Cause != problem && !notes.Exists(n => n.Cause == problem))
                {
                    notes.Add(new ScalingActivityNote(null, "Cannot launch instances", problem));
                }

                state = next;
                break;
            }

            notes.AddRange(decision.Activities);

            var inUse = (await AutoScalingGroupStore.ListAsync(store, ct)).SelectMany(g => g.Placements).Concat(placements).Where(p => !p.CleanedUp).Select(p => p.Address)
                .Concat(launch > 0 ? Local.ListeningAddresses.Read() : []).ToHashSet();
            for (var i = 0; i < launch; i++)
            {
                if (LoopbackAddresses.Next(inUse) is not { } address)
                {
                    notes.Add(new ScalingActivityNote(null, "Cannot launch instances", "no free loopback address left in 127.0.1.1-127.0.255.254"));
                    break;
                }

                inUse.Add(address);
                var id = "i-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(9))[..17];
                placements.Add(new InstancePlacement(id, address, doc.LaunchTemplate.LaunchTemplateName!, version!.VersionNumber, version.LaunchTemplateData.Provider ?? "local"));
                next = next with { Instances = next.Instances.Add(new FleetInstance(id, LifecycleState.Pending, version.VersionNumber, now, now)) };
                notes.Add(new ScalingActivityNote(id, $"Instance {id} created on {address}", $"launch template {doc.LaunchTemplate.LaunchTemplateName} version {version.VersionNumber}"));
            }

            var settled = decision.Actions.Length == 0 && Documents.Write(next) == Documents.Write(state);
            state = next;
            if (settled)
            {
                break;
            }
        }

        if (notes.Count == 0 && placements.Count == doc.Placements.Count && Documents.Write(state) == Documents.Write(doc.State))
        {
            return null;
        }

        foreach (var note in notes)
        {
            FleetLog.Activity(logger, doc.Name, note.Description, note.Cause);
        }

        var activities = doc.Activities.Concat(notes.Select(n => new ScalingActivity(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), n.Description, n.Cause,
            "Successful", now, now)));
        return Trim(doc with { State = state, Placements = placements, Activities = [.. activities.TakeLast(FleetSettings.ActivitiesKept)] });
    }

    /// <summary>
    /// What the agent and the provider show. A Pending instance counts as heard from only once its agent polled; any
    /// other instance whose agent this server has not heard from since it started (a restart after a crash) gets a full
    /// heartbeat timeout from the server's start, like every agent does.
    /// </summary>
    private InstanceFacts Facts(FleetInstance instance, InstancePlacement? placement)
    {
        if (placement is null || placement.LaunchError is not null)
        {
            return new InstanceFacts(null, false);
        }

        var alive = placement.Launched is not { } launched || (_providers.TryGetValue(placement.Provider, out var provider) && provider.IsAlive(launched));
        return new InstanceFacts(instance.State == LifecycleState.Pending ? presence.LastHeard(placement.InstanceId) : presence.LastSeen(placement.InstanceId), alive);
    }

    /// <summary>Keeps the newest cleaned-up terminated instances for display, and drops the rest with their placements.</summary>
    private static AutoScalingGroupDocument Trim(AutoScalingGroupDocument doc)
    {
        var drop = doc.State.Instances
            .Where(i => i.State == LifecycleState.Terminated && doc.PlacementOf(i.InstanceId) is null or { CleanedUp: true })
            .OrderByDescending(i => i.StateSince)
            .Skip(FleetSettings.TerminatedKept)
            .Select(i => i.InstanceId)
            .ToHashSet(StringComparer.Ordinal);
        return drop.Count == 0
            ? doc
            : doc with
            {
                State = doc.State with { Instances = [.. doc.State.Instances.Where(i => !drop.Contains(i.InstanceId))] },
                Placements = [.. doc.Placements.Where(p => !drop.Contains(p.InstanceId))],
            };
    }
}
