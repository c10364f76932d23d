using System.Collections.Immutable;
using Greenlight.Contracts.V1;
using Greenlight.Core.Alarms;
using Greenlight.Core.Deployments;
using Greenlight.Engine.Ports;
using Greenlight.Engine.Running;
using Greenlight.Engine.Storage;
using Greenlight.Server.Api;
using CoreRollback = Greenlight.Core.Deployments.AutoRollbackConfiguration;

namespace Greenlight.Server.Deployments;

/// <summary>
/// Builds Core deployment specs from a deployment group's configuration: for a user's CreateDeployment, and for
/// the rollbacks and follow-ups the engine starts. Also records a success as the group's last known-good revision.
/// </summary>
public sealed partial class DeploymentFactory(IGreenlightStore store, TimeProvider time, Fleet.GreenFleetHandover handover) : IDeploymentFactory
{
    /// <summary>The spec for a user's deployment, or the API error that prevents it.</summary>
    public async Task<(DeploymentSpec? Spec, ApiError? Error)> ForUserAsync(CreateDeploymentInput input, CancellationToken ct)
    {
        if ((Names.Check("applicationName", input.ApplicationName) ?? Names.Check("deploymentGroupName", input.DeploymentGroupName)) is { } bad)
        {
            return (null, bad);
        }

        var group = await GroupAsync(input.ApplicationName!, input.DeploymentGroupName!, ct);
        if (group is null)
        {
            return (null, ApiErrors.NotFound("DeploymentGroupDoesNotExistException",
                $"deployment group '{input.DeploymentGroupName}' of application '{input.ApplicationName}' does not exist"));
        }

        if (input.Revision?.Bundle?.Sha256 is not { } sha || await store.GetRevisionAsync(group.ApplicationName, sha.ToLowerInvariant(), ct) is null)
        {
            return (null, ApiErrors.NotFound("RevisionDoesNotExistException",
                $"revision '{input.Revision?.Bundle?.Sha256}' is not registered for application '{group.ApplicationName}'; upload it first"));
        }

        var configName = input.DeploymentConfigName ?? group.DeploymentConfigName;
        if (await DeploymentConfigsApi.ResolveAsync(configName, store, ct) is not { } config)
        {
            return (null, ApiErrors.NotFound("DeploymentConfigDoesNotExistException", $"deployment configuration '{configName}' does not exist"));
        }

        if (input.AutoRollbackConfiguration?.Events?.FirstOrDefault(e => ParseEvent(e) is null) is { } badEvent)
        {
            return (null, ApiErrors.Invalid("InvalidAutoRollbackConfigException", $"autoRollbackConfiguration event '{badEvent}' is not known"));
        }

        foreach (var (alarm, index) in (input.OverrideAlarmConfiguration?.Alarms ?? []).Select((a, i) => (a?.Name, i)))
        {
            if (alarm is null || await store.GetResourceAsync(ResourceKinds.Alarm, alarm, ct) is null)
            {
                return (null, ApiErrors.Invalid("InvalidAlarmConfigException", $"overrideAlarmConfiguration.alarms[{index}].name: alarm '{alarm}' does not exist"));
            }
        }

        if (input.FileExistsBehavior is not (null or "DISALLOW" or "OVERWRITE" or "RETAIN"))
        {
            return (null, ApiErrors.Invalid("InvalidFileExistsBehaviorException", $"fileExistsBehavior '{input.FileExistsBehavior}' must be DISALLOW, OVERWRITE or RETAIN"));
        }

        var knownGood = await KnownGoodRevisionAsync(group, ct);
        var spec = new DeploymentSpec(DeploymentIds.New(), sha.ToLowerInvariant(), DeploymentKind.InPlace, config, await TargetsAsync(group, knownGood, ct))
        {
            Creator = DeploymentCreator.User,
            IgnoreApplicationStopFailures = input.IgnoreApplicationStopFailures,
            FileExistsBehavior = input.FileExistsBehavior ?? "DISALLOW",
        };
        if (IsBlueGreen(group))
        {
            var (blueGreen, problem) = await BlueGreenOptionsAsync(group, input, spec.Instances, ct);
            if (blueGreen is null)
            {
                return (null, problem);
            }

            spec = spec with { Kind = DeploymentKind.BlueGreen, BlueGreen = blueGreen };
        }
        else if (InPlaceProblem(input) is { } inPlaceProblem)
        {
            return (null, inPlaceProblem);
        }

        return (Apply(spec, group, knownGood, input.AutoRollbackConfiguration, input.OverrideAlarmConfiguration), null);
    }

    public async Task<FactoryResult> FollowUpAsync(DeploymentRecordView triggering, StartFollowUpDeployment command, string deploymentId, CancellationToken ct)
    {
        if (await GroupAsync(triggering.Application, triggering.DeploymentGroup, ct) is not { } group)
        {
            return FactoryResult.Refused("the deployment group no longer exists");
        }

        var spec = new DeploymentSpec(deploymentId, command.Revision, DeploymentKind.InPlace, triggering.State.Spec.Configuration,
            [.. command.InstanceIds.Select(id => new TargetInstance(id))])
        {
            Creator = DeploymentCreator.AutoUpdate,
        };
        return FactoryResult.Of(Apply(spec, group, await KnownGoodRevisionAsync(group, ct), null, null));
    }

    /// <summary>
    /// A launch deployment (the group's last successful revision onto one new instance, creator autoscaling) or a
    /// termination deployment (stop the application on an instance being scaled in, creator autoscalingTermination).
    /// </summary>
    public DeploymentSpec ForScaling(DeploymentGroupInfo group, string instanceId, DeploymentKind kind, string revision, string deploymentId) =>
        Apply(new DeploymentSpec(deploymentId, revision, kind, Core.Batching.DeploymentConfiguration.AllAtOnce, [new TargetInstance(instanceId)])
        {
            Creator = kind == DeploymentKind.AutoScalingLaunch ? DeploymentCreator.AutoScaling : DeploymentCreator.AutoScalingTermination,
            IgnoreApplicationStopFailures = kind == DeploymentKind.AutoScalingTermination,
            FileExistsBehavior = "OVERWRITE",
        }, group, revision, null, null);

    public async Task DeploymentEndedAsync(DeploymentRecordView deployment, CancellationToken ct)
    {
        await RecordInstanceHealthAsync(deployment, ct);
        if (deployment.State.Status == DeploymentStatus.Succeeded && !IsScaling(deployment.State.Spec.Kind.ToString()))
        {
            // Blue's termination already handed green over (before deleting blue); KEEP_ALIVE and crashes in between need it here.
            await handover.CompleteAsync(deployment.DeploymentId, deployment.Application, deployment.DeploymentGroup, deployment.State, ct);
            await RecordKnownGoodAsync(deployment, ct);
        }
        else if (deployment.State.Spec is { Kind: DeploymentKind.BlueGreen, BlueGreen.GreenFleet: { IsExisting: false, AutoScalingGroup: { } blue } } &&
                 deployment.State.Status != DeploymentStatus.Succeeded && deployment.State.Instances.All(i => i.Role != InstanceRole.Replacement))
        {
            // Green never came into service: nothing to inspect or roll back, and its launches must stop.
            await handover.DiscardAsync(deployment.DeploymentId, blue, $"deployment {deployment.DeploymentId} ended {deployment.State.Status} before green was in service", ct);
        }
    }

    /// <summary>
    /// CodeDeploy's instance health after a deployment: each attempted instance becomes Healthy (running the revision) or
    /// Unhealthy by its own result; instances never attempted keep what they had.
    /// </summary>
    private async Task RecordInstanceHealthAsync(DeploymentRecordView deployment, CancellationToken ct)
    {
        var state = deployment.State;
        foreach (var instance in state.Instances.Where(i => i.Role != InstanceRole.Original && i.Status is InstanceStatus.Succeeded or InstanceStatus.Failed))
        {
            var stored = await store.GetResourceAsync(InstanceHealthInfo.Kind, instance.InstanceId, ct);
            var previous = stored is null ? InstanceHealthInfo.Unknown : Documents.Read<InstanceHealthInfo>(stored.Body);
            var health = instance.Status == InstanceStatus.Succeeded
                ? new InstanceHealthInfo("Healthy", state.Spec.Revision, deployment.DeploymentId, time.GetUtcNow())
                : previous with { Status = "Unhealthy", LastDeploymentId = deployment.DeploymentId, UpdatedAt = time.GetUtcNow() };
            try
            {
                await store.PutResourceAsync(InstanceHealthInfo.Kind, instance.InstanceId, Documents.Write(health), stored?.Version ?? 0,
                    new AuditEntry(time.GetUtcNow(), "engine", "RecordInstanceHealth", instance.InstanceId, $"{health.Status} after {deployment.DeploymentId}"), ct);
            }
            catch (StoreConflictException)
            {
                // Another deployment recorded this instance at the same moment; its record is as recent as ours.
            }
        }
    }

    private async Task RecordKnownGoodAsync(DeploymentRecordView deployment, CancellationToken ct)
    {
        var key = DeploymentGroupsApi.Key(deployment.Application, deployment.DeploymentGroup);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await store.GetResourceAsync(ResourceKinds.DeploymentGroup, key, ct) is not { } stored)
            {
                return;
            }

            var group = Documents.Read<DeploymentGroupInfo>(stored.Body);
            var state = deployment.State;
            var updated = group with
            {
                TargetRevision = new RevisionLocation("Bundle", new BundleLocation(state.Spec.Revision, "unknown")),
                LastSuccessfulDeployment = new LastDeploymentInfo(deployment.DeploymentId, state.Status.ToString(), state.CompletedAt, state.StartedAt ?? time.GetUtcNow()),
            };
            try
            {
                await store.PutResourceAsync(ResourceKinds.DeploymentGroup, key, Documents.Write(updated), stored.Version,
                    new AuditEntry(time.GetUtcNow(), "engine", "RecordKnownGoodRevision", key, deployment.DeploymentId), ct);
                await store.MarkRevisionUsedAsync(deployment.Application, state.Spec.Revision, time.GetUtcNow(), ct);
                return;
            }
            catch (StoreConflictException e) when (e.Code == "VersionConflict")
            {
                // The group changed meanwhile: read it again.
            }
        }
    }

    private static bool IsScaling(string kind) => kind is nameof(DeploymentKind.AutoScalingLaunch) or nameof(DeploymentKind.AutoScalingTermination);

    private DeploymentSpec Apply(DeploymentSpec spec, DeploymentGroupInfo group, string? knownGood,
        Contracts.V1.AutoRollbackConfiguration? rollbackOverride, Contracts.V1.AlarmConfiguration? alarmOverride)
    {
        var alarms = alarmOverride ?? group.AlarmConfiguration;
        var groupRollback = ToCore(group.AutoRollbackConfiguration);
        return spec with
        {
            LastKnownGoodRevision = knownGood,
            Alarms = new Core.Alarms.AlarmConfiguration(alarms.Enabled, [.. (alarms.Alarms ?? []).Select(a => a.Name ?? "")], alarms.IgnorePollAlarmFailure),
            AutoRollback = CoreRollback.Resolve(groupRollback, rollbackOverride is null ? null : ToCore(rollbackOverride)),
            WatchWindow = spec.Creator == DeploymentCreator.User ? WatchWindowOf(group) : TimeSpan.Zero,
            WithTrafficControl = spec.Kind is not (DeploymentKind.BlueGreen or DeploymentKind.BlueGreenRollback) && group.DeploymentStyle.DeploymentOption == "WITH_TRAFFIC_CONTROL",
            UpdateOutdatedInstances = group.OutdatedInstancesStrategy != "IGNORE",
        };
    }

    private static CoreRollback ToCore(Contracts.V1.AutoRollbackConfiguration c) =>
        new(c.Enabled, [.. (c.Events ?? []).Select(ParseEvent).OfType<AutoRollbackEvent>()]);

    private static AutoRollbackEvent? ParseEvent(string e) => e switch
    {
        "DEPLOYMENT_FAILURE" => AutoRollbackEvent.DeploymentFailure,
        "DEPLOYMENT_STOP_ON_ALARM" => AutoRollbackEvent.DeploymentStopOnAlarm,
        "DEPLOYMENT_STOP_ON_REQUEST" => AutoRollbackEvent.DeploymentStopOnRequest,
        _ => null,
    };

    public async Task<DeploymentGroupInfo?> GroupAsync(string application, string group, CancellationToken ct) =>
        await store.GetResourceAsync(ResourceKinds.DeploymentGroup, DeploymentGroupsApi.Key(application, group), ct) is { } stored
            ? Documents.Read<DeploymentGroupInfo>(stored.Body)
            : null;

    /// <summary>
    /// The group's instances with their revision health, for CodeDeploy's scheduling order (Unhealthy, Unknown, Old,
    /// Current): registered instances its tags select, and the InService instances of its scaling groups. An instance of
    /// a scaling group that is not InService (launching, or being terminated) is never a target: its launch deployment
    /// gives it the last good revision, and a follow-up deployment updates it. Nor is an instance of a green fleet (its
    /// blue/green deployment installs it), even when its launch template's tags match the group's filters.
    /// </summary>
    private async Task<ImmutableArray<TargetInstance>> TargetsAsync(DeploymentGroupInfo group, string? current, CancellationToken ct)
    {
        var health = (await store.ListResourcesAsync(InstanceHealthInfo.Kind, null, ct))
            .ToDictionary(r => r.Key, r => Documents.Read<InstanceHealthInfo>(r.Body), StringComparer.Ordinal);
        var scaling = (await store.ListResourcesAsync(ResourceKinds.AutoScalingGroup, null, ct))
            .Select(r => Documents.Read<Fleet.AutoScalingGroupDocument>(r.Body))
            .SelectMany(g => g.State.Instances.Select(i => (Group: g.Name, Instance: i, Green: g.GreenFor is not null)))
            .ToDictionary(x => x.Instance.InstanceId, StringComparer.Ordinal);
        var tagged = (await store.ListResourcesAsync(ResourceKinds.Instance, null, ct))
            .Select(r => Documents.Read<InstanceInfo>(r.Body))
            .Where(i => TagMatcher.Selects(group, i.Tags))
            .Select(i => i.InstanceName);
        var members = scaling.Values.Where(x => group.AutoScalingGroups.Contains(x.Group, StringComparer.Ordinal)).Select(x => x.Instance.InstanceId);
        return
        [
            .. tagged.Union(members, StringComparer.Ordinal)
                .Where(id => !scaling.TryGetValue(id, out var m) || (m.Instance.State == Core.Fleet.LifecycleState.InService && !m.Green))
                .Order(StringComparer.Ordinal)
                .Select(id => new TargetInstance(id, RevisionHealthOf(health.GetValueOrDefault(id), current))),
        ];
    }

    internal static Core.Batching.RevisionHealth RevisionHealthOf(InstanceHealthInfo? health, string? groupRevision) => health switch
    {
        { Status: "Unhealthy" } => Core.Batching.RevisionHealth.Unhealthy,
        null or { Revision: null } => Core.Batching.RevisionHealth.Unknown,
        _ when health.Revision == groupRevision => Core.Batching.RevisionHealth.Current,
        _ => Core.Batching.RevisionHealth.Old,
    };
}
