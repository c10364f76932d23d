using Greenlight.Contracts.V1;
using Greenlight.Core.Batching;
using Greenlight.Engine.Storage;
using Greenlight.Server.Auth;

namespace Greenlight.Server.Api;

/// <summary><c>/api/v1/applications/{app}/deployment-groups</c>: create, get, update, delete, list.</summary>
public static class DeploymentGroupsApi
{
    public static void MapDeploymentGroupsApi(this IEndpointRouteBuilder api)
    {
        const string Groups = "/applications/{applicationName}/deployment-groups";
        api.MapPost(Groups, Create).RequireWrite();
        api.MapGet(Groups, List).RequireRead();
        api.MapGet(Groups + "/{deploymentGroupName}", Get).RequireRead();
        api.MapPut(Groups + "/{deploymentGroupName}", Update).RequireWrite();
        api.MapDelete(Groups + "/{deploymentGroupName}", Delete).RequireWrite();
    }

    public static string Key(string application, string group) => application + "/" + group;

    private static async Task<IResult> Create(string applicationName, DeploymentGroupInput input, HttpContext http, IGreenlightStore store, TimeProvider time, CancellationToken ct)
    {
        if (await Problem(applicationName, input.DeploymentGroupName, input, store, ct) is { } problem)
        {
            return ApiErrors.Result(problem);
        }

        var info = ToInfo(applicationName, input.DeploymentGroupName!, Guid.NewGuid().ToString(), input, null);
        if (BlueGreenValidation.CheckGroup(info) is { } groupProblem)
        {
            return ApiErrors.Result(groupProblem);
        }

        try
        {
            await store.PutResourceAsync(ResourceKinds.DeploymentGroup, Key(applicationName, info.DeploymentGroupName), Documents.Write(info), 0,
                Audit.Of(http, time, "CreateDeploymentGroup", Key(applicationName, info.DeploymentGroupName)), ct);
        }
        catch (StoreConflictException e)
        {
            return ApiErrors.Result(ApiErrors.FromStore(e, "DeploymentGroup"));
        }

        return Results.Created($"/api/v1/applications/{applicationName}/deployment-groups/{info.DeploymentGroupName}", new { deploymentGroupId = info.DeploymentGroupId });
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> UpdateGates = new(StringComparer.Ordinal);

    /// <summary>
    /// UpdateDeploymentGroup. Updates of one group take turns in this server; the engine also writes the group (its
    /// known-good revision after a success, a blue/green handover), so a write that meets a newer version reads the group
    /// again and reapplies the input, a few times, instead of refusing the user's change.
    /// </summary>
    private static async Task<IResult> Update(string applicationName, string deploymentGroupName, DeploymentGroupInput input, HttpContext http,
        IGreenlightStore store, TimeProvider time, CancellationToken ct)
    {
        if (input.NewDeploymentGroupName is not null)
        {
            return ApiErrors.Result(ApiErrors.Invalid("InvalidInputException", "renaming a deployment group is not supported; create a new one"));
        }

        var gate = UpdateGates.GetOrAdd(Key(applicationName, deploymentGroupName), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            return await UpdateOnceAsync(applicationName, deploymentGroupName, input, http, store, time, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<IResult> UpdateOnceAsync(string applicationName, string deploymentGroupName, DeploymentGroupInput input, HttpContext http,
        IGreenlightStore store, TimeProvider time, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await store.GetResourceAsync(ResourceKinds.DeploymentGroup, Key(applicationName, deploymentGroupName), ct);
            if (current is null)
            {
                return NotFound(applicationName, deploymentGroupName);
            }

            if (await Problem(applicationName, deploymentGroupName, input, store, ct) is { } problem)
            {
                return ApiErrors.Result(problem);
            }

            var old = Documents.Read<DeploymentGroupInfo>(current.Body);
            var info = ToInfo(applicationName, deploymentGroupName, old.DeploymentGroupId, input, old);
            if (BlueGreenValidation.CheckGroup(info) is { } groupProblem)
            {
                return ApiErrors.Result(groupProblem);
            }

            try
            {
                await store.PutResourceAsync(ResourceKinds.DeploymentGroup, current.Key, Documents.Write(info), current.Version,
                    Audit.Of(http, time, "UpdateDeploymentGroup", current.Key), ct);
                return Results.Ok(new { deploymentGroupInfo = info });
            }
            catch (StoreConflictException e) when (e.Code == "VersionConflict" && attempt < 5)
            {
                // Changed meanwhile (by the engine, or another update): read it again and reapply.
            }
            catch (StoreConflictException e)
            {
                return ApiErrors.Result(ApiErrors.FromStore(e, "DeploymentGroup"));
            }
        }
    }

    private static async Task<ApiError?> Problem(string applicationName, string? groupName, DeploymentGroupInput input, IGreenlightStore store, CancellationToken ct)
    {
        if ((Names.Check("applicationName", applicationName) ?? Names.Check("deploymentGroupName", groupName)) is { } bad)
        {
            return bad;
        }

        if (await store.GetResourceAsync(ResourceKinds.Application, applicationName, ct) is null)
        {
            return ApiErrors.NotFound("ApplicationDoesNotExistException", $"application '{applicationName}' does not exist");
        }

        if (input.DeploymentConfigName is { } configName && await DeploymentConfigsApi.ResolveAsync(configName, store, ct) is null)
        {
            return ApiErrors.NotFound("DeploymentConfigDoesNotExistException", $"deployment configuration '{configName}' does not exist");
        }

        foreach (var asg in input.AutoScalingGroups ?? [])
        {
            if (await store.GetResourceAsync(ResourceKinds.AutoScalingGroup, asg, ct) is null)
            {
                return ApiErrors.Invalid("InvalidAutoScalingGroupException", $"autoScalingGroups: auto scaling group '{asg}' does not exist; create it first");
            }
        }

        if (DeploymentGroupValidation.Check(input) is { } invalid)
        {
            return invalid;
        }

        foreach (var (alarm, index) in (input.AlarmConfiguration?.Alarms ?? []).Select((a, i) => (a?.Name, i)))
        {
            if (alarm is null || await store.GetResourceAsync(ResourceKinds.Alarm, alarm, ct) is null)
            {
                return ApiErrors.Invalid("InvalidAlarmConfigException",
                    $"alarmConfiguration.alarms[{index}].name: alarm '{alarm}' does not exist; create it first (greenlight alarm create)");
            }
        }

        foreach (var (targetGroup, index) in (input.LoadBalancerInfo?.TargetGroupInfoList ?? []).Select((t, i) => (t!.Name!, i)))
        {
            if (await store.GetResourceAsync(ResourceKinds.TargetGroup, targetGroup, ct) is null)
            {
                return ApiErrors.Invalid("InvalidLoadBalancerInfoException",
                    $"loadBalancerInfo.targetGroupInfoList[{index}].name: target group '{targetGroup}' does not exist; create it first");
            }
        }

        return null;
    }

    private static DeploymentGroupInfo ToInfo(string application, string group, string id, DeploymentGroupInput input, DeploymentGroupInfo? old) => new(
        application,
        id,
        group,
        input.DeploymentConfigName ?? old?.DeploymentConfigName ?? DeploymentConfiguration.Default.Name,
        BlueGreenValidation.Normalize(input.DeploymentStyle ?? old?.DeploymentStyle ?? new DeploymentStyle()),
        // Filters and a tag set exclude each other: giving one on update replaces the other.
        input.OnPremisesInstanceTagFilters ?? (input.OnPremisesTagSet is not null ? [] : old?.OnPremisesInstanceTagFilters ?? []),
        input.OnPremisesTagSet ?? (input.OnPremisesInstanceTagFilters is { Count: > 0 } ? null : old?.OnPremisesTagSet),
        input.AutoScalingGroups ?? old?.AutoScalingGroups ?? [],
        input.AlarmConfiguration ?? old?.AlarmConfiguration ?? new AlarmConfiguration(),
        input.AutoRollbackConfiguration ?? old?.AutoRollbackConfiguration ?? new AutoRollbackConfiguration(),
        input.OutdatedInstancesStrategy ?? old?.OutdatedInstancesStrategy ?? "UPDATE",
        input.WatchMinutes ?? old?.WatchMinutes ?? 0,
        old?.TargetRevision,
        old?.LastSuccessfulDeployment,
        old?.LastAttemptedDeployment)
    {
        TerminationHookEnabled = input.TerminationHookEnabled ?? old?.TerminationHookEnabled ?? false,

        // Seconds win over minutes; giving only minutes on an update drops the seconds so the minutes take effect.
        WatchSeconds = input.WatchSeconds ?? (input.WatchMinutes is not null ? null : old?.WatchSeconds),

        // An empty list or text clears the stored value; null keeps it.
        LoadBalancerInfo = input.LoadBalancerInfo is { } lb
            ? lb.TargetGroupInfoList is { Count: > 0 } ? lb : null
            : old?.LoadBalancerInfo,
        BlueGreenDeploymentConfiguration = input.BlueGreenDeploymentConfiguration ?? old?.BlueGreenDeploymentConfiguration,
        TrafficRouting = input.TrafficRouting is { } routing
            ? routing.Length == 0 ? null : routing.Trim()
            : old?.TrafficRouting,
    };

    private static async Task<IResult> List(string applicationName, IGreenlightStore store, CancellationToken ct) =>
        await store.GetResourceAsync(ResourceKinds.Application, applicationName, ct) is null
            ? ApiErrors.Result(ApiErrors.NotFound("ApplicationDoesNotExistException", $"application '{applicationName}' does not exist"))
            : Results.Ok(new
            {
                applicationName,
                deploymentGroups = (await store.ListResourcesAsync(ResourceKinds.DeploymentGroup, applicationName + "/", ct)).Select(r => r.Key[(applicationName.Length + 1)..]),
            });

    private static async Task<IResult> Get(string applicationName, string deploymentGroupName, IGreenlightStore store, CancellationToken ct) =>
        await store.GetResourceAsync(ResourceKinds.DeploymentGroup, Key(applicationName, deploymentGroupName), ct) is { } found
            ? Results.Ok(new { deploymentGroupInfo = Documents.Read<DeploymentGroupInfo>(found.Body) })
            : NotFound(applicationName, deploymentGroupName);

    private static async Task<IResult> Delete(string applicationName, string deploymentGroupName, HttpContext http, IGreenlightStore store, TimeProvider time, CancellationToken ct)
    {
        var active = await store.ListDeploymentsAsync(new DeploymentQuery(applicationName, deploymentGroupName, ["Created", "Queued", "InProgress", "Baking", "Ready"], Limit: 1), ct);
        if (active.Count > 0)
        {
            return ApiErrors.Result(ApiErrors.Conflict("DeploymentGroupInUseException",
                $"deployment {active[0].DeploymentId} is {active[0].Status} in this group; stop it first"));
        }

        return await store.DeleteResourceAsync(ResourceKinds.DeploymentGroup, Key(applicationName, deploymentGroupName), null,
                Audit.Of(http, time, "DeleteDeploymentGroup", Key(applicationName, deploymentGroupName)), ct)
            ? Results.NoContent()
            : NotFound(applicationName, deploymentGroupName);
    }

    private static IResult NotFound(string application, string group) =>
        ApiErrors.Result(ApiErrors.NotFound("DeploymentGroupDoesNotExistException", $"deployment group '{group}' of application '{application}' does not exist"));
}
