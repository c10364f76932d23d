using System.Collections.Immutable;
using Greenlight.Contracts.V1;
using Greenlight.Core.Deployments;
using Greenlight.Core.Traffic;
using Greenlight.Engine.Ports;
using Greenlight.Engine.Storage;
using Greenlight.Server.Api;
using Greenlight.Server.Fleet;

namespace Greenlight.Server.Deployments;

public sealed partial class DeploymentFactory
{
    private static bool IsBlueGreen(DeploymentGroupInfo group) => group.DeploymentStyle.DeploymentType == "BLUE_GREEN";

    /// <summary>What only a blue/green deployment takes.</summary>
    private static ApiError? InPlaceProblem(CreateDeploymentInput input)
    {
        if (input.TrafficRouting is not null)
        {
            return ApiErrors.Invalid("InvalidTrafficRoutingConfigurationException",
                "trafficRouting applies to BLUE_GREEN deployment groups only; this group deploys IN_PLACE");
        }

        return input.TargetInstances is not null
            ? ApiErrors.Invalid("InvalidTargetInstancesException", "targetInstances applies to BLUE_GREEN deployment groups with DISCOVER_EXISTING only; this group deploys IN_PLACE")
            : null;
    }

    /// <summary>
    /// The blue/green options of a user's deployment: where green comes from (a copy of the group's one scaling group at its
    /// launch template version as of now, with as many instances as blue has in service; or the instances targetInstances
    /// selects, none of them blue), the traffic schedule (the deployment's, else the group's, else all at once) and the waits.
    /// </summary>
    private async Task<(BlueGreenOptions? Options, ApiError? Problem)> BlueGreenOptionsAsync(
        DeploymentGroupInfo group, CreateDeploymentInput input, ImmutableArray<TargetInstance> blue, CancellationToken ct)
    {
        var field = input.TrafficRouting is not null ? "trafficRouting" : "the deployment group's trafficRouting";
        if (!TrafficScheduleParser.TryParse(input.TrafficRouting ?? group.TrafficRouting ?? "all", out var schedule, out var error))
        {
            return (null, ApiErrors.Invalid("InvalidTrafficRoutingConfigurationException", $"{field} {error}"));
        }

        var config = group.BlueGreenDeploymentConfiguration ?? new BlueGreenDeploymentConfiguration();
        var discover = config.GreenFleetProvisioningOption?.Action == "DISCOVER_EXISTING";
        if (!discover && input.TargetInstances is not null)
        {
            return (null, ApiErrors.Invalid("InvalidTargetInstancesException",
                "targetInstances applies to DISCOVER_EXISTING only; this group copies its auto scaling group (COPY_AUTO_SCALING_GROUP)"));
        }

        var (green, problem) = discover ? await DiscoverAsync(input.TargetInstances, blue, ct) : await CopyAsync(group, ct);
        return green is null
            ? (null, problem)
            : (new BlueGreenOptions(green, schedule, BlueGreenWaits.Ready(config), BlueGreenWaits.Termination(config)), null);
    }

    private async Task<(GreenFleetSource? Source, ApiError? Problem)> CopyAsync(DeploymentGroupInfo group, CancellationToken ct)
    {
        if (group.AutoScalingGroups is not [var name])
        {
            return (null, ApiErrors.Invalid("InvalidAutoScalingGroupException",
                $"autoScalingGroups: a COPY_AUTO_SCALING_GROUP deployment needs exactly one auto scaling group in the deployment group, not {group.AutoScalingGroups.Count}"));
        }

        if (await AutoScalingGroupStore.GetAsync(store, name, ct) is not var (doc, _) || doc.Deleting)
        {
            return (null, ApiErrors.Invalid("InvalidAutoScalingGroupException", $"autoScalingGroups: auto scaling group '{name}' does not exist (or is being deleted)"));
        }

        // The version is fixed now: a template changed while the deployment runs must not change what green is made of.
        var template = doc.LaunchTemplate.LaunchTemplateName is { } templateName ? await LaunchTemplatesApi.FindAsync(store, templateName, ct) : null;
        if (template is null || LaunchTemplateVersions.Resolve(template, doc.LaunchTemplate.Version) is not { } version)
        {
            return (null, ApiErrors.Invalid("InvalidAutoScalingGroupException",
                $"auto scaling group '{name}': launch template {doc.LaunchTemplate.LaunchTemplateName} version {doc.LaunchTemplate.Version} does not exist; green cannot be copied from it"));
        }

        var inService = doc.State.Instances.Count(i => i.State == Core.Fleet.LifecycleState.InService);
        return (GreenFleetSource.CopyAutoScalingGroup(name, version.VersionNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), Math.Max(1, inService)), null);
    }

    /// <summary>The instances targetInstances selects (tag filters OR auto scaling groups' InService members), none of them blue.</summary>
    private async Task<(GreenFleetSource? Source, ApiError? Problem)> DiscoverAsync(TargetInstances? target, ImmutableArray<TargetInstance> blue, CancellationToken ct)
    {
        if (target is null || (target.TagFilters is not { Count: > 0 } && target.AutoScalingGroups is not { Count: > 0 }))
        {
            return (null, ApiErrors.Invalid("InvalidTargetInstancesException",
                "targetInstances is required for a DISCOVER_EXISTING group: give tagFilters or autoScalingGroups selecting the instances that become green"));
        }

        var selected = new SortedSet<string>(StringComparer.Ordinal);
        if (target.TagFilters is { Count: > 0 } filters)
        {
            foreach (var instance in (await store.ListResourcesAsync(ResourceKinds.Instance, null, ct)).Select(r => Documents.Read<InstanceInfo>(r.Body)))
            {
                if (TagMatcher.MatchesAny(instance.Tags, filters))
                {
                    selected.Add(instance.InstanceName);
                }
            }
        }

        foreach (var (name, index) in (target.AutoScalingGroups ?? []).Select((n, i) => (n, i)))
        {
            if (await AutoScalingGroupStore.GetAsync(store, name, ct) is not var (doc, _))
            {
                return (null, ApiErrors.Invalid("InvalidTargetInstancesException", $"targetInstances.autoScalingGroups[{index}]: auto scaling group '{name}' does not exist"));
            }

            selected.UnionWith(doc.State.Instances.Where(i => i.State == Core.Fleet.LifecycleState.InService).Select(i => i.InstanceId));
        }

        if (blue.FirstOrDefault(b => selected.Contains(b.InstanceId)) is { } overlap)
        {
            return (null, ApiErrors.Invalid("InvalidTargetInstancesException",
                $"targetInstances selects {overlap.InstanceId}, which is one of the deployment group's own (blue) instances; green must be other instances"));
        }

        return selected.Count == 0
            ? (null, ApiErrors.Invalid("InvalidTargetInstancesException", "targetInstances selects no instance: green would be empty"))
            : (GreenFleetSource.DiscoverExisting(selected), null);
    }

    /// <summary>
    /// A blue/green rollback: the originals (blue) get their traffic back and the replacements (green) are retired, as the
    /// triggering deployment's command lists them.
    /// </summary>
    private DeploymentSpec BlueGreenRollback(DeploymentRecordView triggering, StartRollbackDeployment command, string deploymentId, DeploymentGroupInfo group, string? knownGood)
    {
        var spec = new DeploymentSpec(deploymentId, command.Revision, DeploymentKind.BlueGreenRollback, triggering.State.Spec.Configuration,
            [.. command.Originals.Select(id => new TargetInstance(id))])
        {
            Creator = DeploymentCreator.Rollback,
            RollbackTriggeringDeploymentId = command.TriggeringDeploymentId,
            IgnoreApplicationStopFailures = triggering.State.Spec.IgnoreApplicationStopFailures,
            Replacements = [.. command.Replacements.Select(id => new TargetInstance(id))],
            BlueGreen = triggering.State.Spec.BlueGreen,
        };
        return Apply(spec, group, knownGood, null, null);
    }
}
