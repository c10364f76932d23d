using Greenlight.Contracts.V1;
using Greenlight.Core.Fleet;
using Greenlight.Engine.Storage;
using Greenlight.Server.Api;
using Greenlight.Server.Auth;

namespace Greenlight.Server.Fleet;

/// <summary>
/// <c>/api/v1/auto-scaling-groups</c>: EC2 Auto Scaling's groups for Greenlight's providers: create, update, scale, delete,
/// instances with their lifecycle state, activities, lifecycle hooks. The fleet controller does the work; these calls only
/// record what is wanted and wake it.
/// </summary>
public static class AutoScalingGroupsApi
{
    public static void MapAutoScalingGroupsApi(this IEndpointRouteBuilder api)
    {
        const string Groups = "/auto-scaling-groups";
        api.MapPost(Groups, Create).RequireWrite();
        api.MapGet(Groups, List).RequireRead();
        api.MapGet(Groups + "/{name}", Get).RequireRead();
        api.MapPut(Groups + "/{name}", Update).RequireWrite();
        api.MapPost(Groups + "/{name}/desired-capacity", SetDesiredCapacity).RequireWrite();
        api.MapDelete(Groups + "/{name}", Delete).RequireWrite();
        api.MapGet(Groups + "/{name}/instances", Instances).RequireRead();
        api.MapGet(Groups + "/{name}/activities", Activities).RequireRead();
        api.MapPut(Groups + "/{name}/lifecycle-hooks/{hook}", PutHook).RequireWrite();
        api.MapDelete(Groups + "/{name}/lifecycle-hooks/{hook}", DeleteHook).RequireWrite();
        api.MapPost(Groups + "/{name}/lifecycle-hooks/{hook}/complete", CompleteHook).RequireWrite();
    }

    private static async Task<IResult> Create(CreateAutoScalingGroupInput input, HttpContext http, IGreenlightStore store, TimeProvider time, FleetSignal signal, FleetSettings settings, CancellationToken ct)
    {
        if (Names.Check("autoScalingGroupName", input.AutoScalingGroupName) is { } bad)
        {
            return ApiErrors.Result(bad);
        }

        if (input.MinSize is null || input.MaxSize is null)
        {
            return ApiErrors.Result(ApiErrors.Invalid("ValidationError", "minSize and maxSize are required"));
        }

        var desired = input.DesiredCapacity ?? input.MinSize.Value;
        var problem = AutoScalingGroupValidation.Sizes(input.MinSize.Value, input.MaxSize.Value, desired)
                      ?? AutoScalingGroupValidation.HealthCheck(input.HealthCheckType, input.HealthCheckGracePeriod)
                      ?? await TemplateProblemAsync(input.LaunchTemplate, store, ct)
                      ?? AutoScalingGroupValidation.TargetGroups(input.TargetGroupNames, await TargetGroupNamesAsync(store, ct));
        var hooks = new List<LifecycleHookInfo>();
        foreach (var spec in input.LifecycleHookSpecificationList ?? [])
        {
            var hook = new PutLifecycleHookInput(spec.LifecycleTransition, spec.HeartbeatTimeout, spec.DefaultResult);
            problem ??= AutoScalingGroupValidation.Hook(spec.LifecycleHookName, hook);
            if (problem is null)
            {
                hooks.Add(AutoScalingGroupValidation.ToInfo(spec.LifecycleHookName!, hook));
            }
        }

        if (problem is not null)
        {
            return ApiErrors.Result(problem);
        }

        var doc = new AutoScalingGroupDocument(input.AutoScalingGroupName!, input.LaunchTemplate! with { Version = input.LaunchTemplate!.Version ?? "$Default" },
            input.MinSize.Value, input.MaxSize.Value, desired, input.HealthCheckType ?? "AGENT", input.HealthCheckGracePeriod ?? 300,
            hooks, input.Tags ?? [], time.GetUtcNow(), ScalingState.Empty, [], [])
        {
            TargetGroupNames = input.TargetGroupNames ?? [],
        };
        try
        {
            await store.PutResourceAsync(ResourceKinds.AutoScalingGroup, doc.Name, Documents.Write(doc), 0, Audit.Of(http, time, "CreateAutoScalingGroup", doc.Name), ct);
        }
        catch (StoreConflictException e)
        {
            return ApiErrors.Result(ApiErrors.FromStore(e, "AutoScalingGroup"));
        }

        signal.Poke();
        return Results.Created($"/api/v1/auto-scaling-groups/{doc.Name}", new { autoScalingGroup = await InfoAsync(doc, store, settings, ct) });
    }

    private static async Task<IResult> Update(string name, UpdateAutoScalingGroupInput input, HttpContext http, IGreenlightStore store, TimeProvider time, FleetSignal signal, FleetSettings settings, CancellationToken ct)
    {
        if (input.LaunchTemplate is not null && await TemplateProblemAsync(input.LaunchTemplate, store, ct) is { } templateProblem)
        {
            return ApiErrors.Result(templateProblem);
        }

        if (AutoScalingGroupValidation.HealthCheck(input.HealthCheckType, input.HealthCheckGracePeriod) is { } healthProblem)
        {
            return ApiErrors.Result(healthProblem);
        }

        if (AutoScalingGroupValidation.TargetGroups(input.TargetGroupNames, await TargetGroupNamesAsync(store, ct)) is { } targetGroupProblem)
        {
            return ApiErrors.Result(targetGroupProblem);
        }

        ApiError? problem = null;
        var updated = await AutoScalingGroupStore.UpdateAsync(store, name, doc =>
        {
            var next = doc with
            {
                LaunchTemplate = input.LaunchTemplate is { } t ? t with { Version = t.Version ?? "$Default" } : doc.LaunchTemplate,
                MinSize = input.MinSize ?? doc.MinSize,
                MaxSize = input.MaxSize ?? doc.MaxSize,
                DesiredCapacity = input.DesiredCapacity ?? doc.DesiredCapacity,
                HealthCheckType = input.HealthCheckType ?? doc.HealthCheckType,
                HealthCheckGracePeriod = input.HealthCheckGracePeriod ?? doc.HealthCheckGracePeriod,
                TargetGroupNames = input.TargetGroupNames ?? doc.TargetGroupNames,
            };
            problem = doc.Deleting ? Deleting(name) : AutoScalingGroupValidation.Sizes(next.MinSize, next.MaxSize, next.DesiredCapacity);
            return problem is null ? next : null;
        }, Audit.Of(http, time, "UpdateAutoScalingGroup", name), ct);
        return await AnswerAsync(name, updated, problem, store, signal, settings, ct);
    }

    private static async Task<IResult> SetDesiredCapacity(string name, SetDesiredCapacityInput input, HttpContext http, IGreenlightStore store, TimeProvider time, FleetSignal signal, FleetSettings settings, CancellationToken ct)
    {
        if (input.DesiredCapacity is not { } desired)
        {
            return ApiErrors.Result(ApiErrors.Invalid("ValidationError", "desiredCapacity is required"));
        }

        ApiError? problem = null;
        var updated = await AutoScalingGroupStore.UpdateAsync(store, name, doc =>
        {
            problem = doc.Deleting ? Deleting(name) : AutoScalingGroupValidation.Sizes(doc.MinSize, doc.MaxSize, desired);
            return problem is null ? doc with { DesiredCapacity = desired } : null;
        }, Audit.Of(http, time, "SetDesiredCapacity", name, desired.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
        return await AnswerAsync(name, updated, problem, store, signal, settings, ct);
    }

    private static async Task<IResult> Delete(string name, bool? forceDelete, HttpContext http, IGreenlightStore store, TimeProvider time, FleetSignal signal, FleetSettings settings, CancellationToken ct)
    {
        ApiError? problem = null;
        var updated = await AutoScalingGroupStore.UpdateAsync(store, name, doc =>
        {
            var live = doc.State.Instances.Count(i => i.State != LifecycleState.Terminated);
            if (live > 0 && forceDelete != true)
            {
                problem = ApiErrors.Conflict("ResourceInUseException",
                    $"auto scaling group '{name}' has {live} instance(s); set its desired capacity to 0 first, or delete with forceDelete=true to terminate them");
                return null;
            }

            return FleetTermination.ForceDelete(doc);
        }, Audit.Of(http, time, "DeleteAutoScalingGroup", name, forceDelete == true ? "forced" : ""), ct);
        if (problem is not null || updated is null)
        {
            return ApiErrors.Result(problem ?? NotFound(name));
        }

        signal.Poke();
        return Results.Accepted($"/api/v1/auto-scaling-groups/{name}", new { autoScalingGroupName = name, status = "Delete in progress" });
    }

    private static async Task<IResult> PutHook(string name, string hook, PutLifecycleHookInput input, HttpContext http, IGreenlightStore store, TimeProvider time, FleetSignal signal, FleetSettings settings, CancellationToken ct)
    {
        if (AutoScalingGroupValidation.Hook(hook, input) is { } problem)
        {
            return ApiErrors.Result(problem);
        }

        var info = AutoScalingGroupValidation.ToInfo(hook, input);
        var updated = await AutoScalingGroupStore.UpdateAsync(store, name,
            doc => doc with { Hooks = [.. doc.Hooks.Where(h => h.LifecycleHookName != hook), info] },
            Audit.Of(http, time, "PutLifecycleHook", name, hook), ct);
        if (updated is null)
        {
            return ApiErrors.Result(NotFound(name));
        }

        signal.Poke();
        return Results.Ok(new { lifecycleHook = info });
    }

    private static async Task<IResult> DeleteHook(string name, string hook, HttpContext http, IGreenlightStore store, TimeProvider time, FleetSignal signal, FleetSettings settings, CancellationToken ct)
    {
        var found = false;
        var updated = await AutoScalingGroupStore.UpdateAsync(store, name, doc =>
        {
            found = doc.Hooks.Any(h => h.LifecycleHookName == hook);
            return found ? doc with { Hooks = [.. doc.Hooks.Where(h => h.LifecycleHookName != hook)] } : null;
        }, Audit.Of(http, time, "DeleteLifecycleHook", name, hook), ct);
        if (updated is null)
        {
            return ApiErrors.Result(found || await AutoScalingGroupStore.GetAsync(store, name, ct) is null
                ? NotFound(name)
                : ApiErrors.NotFound("ValidationError", $"auto scaling group '{name}' has no lifecycle hook '{hook}' of its own (hooks of deployment groups go away with the group's autoScalingGroups)"));
        }

        signal.Poke();
        return Results.NoContent();
    }

    private static async Task<IResult> CompleteHook(string name, string hook, CompleteLifecycleActionInput input, HttpContext http, IGreenlightStore store, TimeProvider time,
        FleetSignal signal, FleetSettings settings, CancellationToken ct)
    {
        if (input.LifecycleActionResult is not ("CONTINUE" or "ABANDON"))
        {
            return ApiErrors.Result(ApiErrors.Invalid("ValidationError", $"lifecycleActionResult '{input.LifecycleActionResult}' must be CONTINUE or ABANDON"));
        }

        // A managed hook's name holds a '/', which arrives still escaped (%2F) in a path segment.
        hook = Uri.UnescapeDataString(hook);
        var groups = await DeploymentGroupsAsync(store, ct);
        ApiError? problem = null;
        var exists = false;
        var updated = await AutoScalingGroupStore.UpdateAsync(store, name, doc =>
        {
            exists = true;
            if (!doc.Hooks.Concat(ManagedHooks.For(doc.Name, groups, settings)).Any(h => h.LifecycleHookName == hook))
            {
                problem = ApiErrors.NotFound("ValidationError", $"auto scaling group '{name}' has no lifecycle hook '{hook}'");
                return null;
            }

            (var next, problem) = LifecycleActions.Complete(doc, input.InstanceId ?? "", hook, input.LifecycleActionResult == "CONTINUE");
            return next;
        }, Audit.Of(http, time, "CompleteLifecycleAction", name, $"{hook} {input.InstanceId} {input.LifecycleActionResult}"), ct);
        if (updated is null && (problem is not null || !exists))
        {
            return ApiErrors.Result(problem ?? NotFound(name));
        }

        signal.Poke();
        return Results.Ok(new { autoScalingGroupName = name, instanceId = input.InstanceId, lifecycleHookName = hook, input.LifecycleActionResult });
    }

    private static async Task<IResult> List(IGreenlightStore store, FleetSettings settings, CancellationToken ct)
    {
        var groups = await DeploymentGroupsAsync(store, ct);
        return Results.Ok(new
        {
            autoScalingGroups = (await AutoScalingGroupStore.ListAsync(store, ct)).Select(d => AutoScalingViews.Info(d, ManagedHooks.For(d.Name, groups, settings))),
        });
    }

    private static async Task<IResult> Get(string name, IGreenlightStore store, FleetSettings settings, CancellationToken ct) =>
        await AutoScalingGroupStore.GetAsync(store, name, ct) is var (doc, _)
            ? Results.Ok(new { autoScalingGroup = await InfoAsync(doc, store, settings, ct) })
            : ApiErrors.Result(NotFound(name));

    private static async Task<IResult> Instances(string name, IGreenlightStore store, CancellationToken ct) =>
        await AutoScalingGroupStore.GetAsync(store, name, ct) is var (doc, _)
            ? Results.Ok(new { instances = AutoScalingViews.Instances(doc) })
            : ApiErrors.Result(NotFound(name));

    private static async Task<IResult> Activities(string name, IGreenlightStore store, CancellationToken ct) =>
        await AutoScalingGroupStore.GetAsync(store, name, ct) is var (doc, _)
            ? Results.Ok(new { activities = doc.Activities.Reverse() })
            : ApiErrors.Result(NotFound(name));

    private static async Task<IResult> AnswerAsync(string name, AutoScalingGroupDocument? updated, ApiError? problem, IGreenlightStore store, FleetSignal signal, FleetSettings settings, CancellationToken ct)
    {
        if (updated is null)
        {
            return ApiErrors.Result(problem ?? NotFound(name));
        }

        signal.Poke();
        return Results.Ok(new { autoScalingGroup = await InfoAsync(updated, store, settings, ct) });
    }

    private static async Task<ApiError?> TemplateProblemAsync(LaunchTemplateSpecification? spec, IGreenlightStore store, CancellationToken ct)
    {
        if (spec?.LaunchTemplateName is null)
        {
            return ApiErrors.Invalid("ValidationError", "launchTemplate.launchTemplateName is required");
        }

        if (!LaunchTemplateVersions.IsValidName(spec.Version))
        {
            return ApiErrors.Invalid("ValidationError", $"launchTemplate.version '{spec.Version}' must be a version number, $Latest or $Default");
        }

        if (await LaunchTemplatesApi.FindAsync(store, spec.LaunchTemplateName, ct) is not { } template)
        {
            return ApiErrors.Invalid("ValidationError", $"launch template '{spec.LaunchTemplateName}' does not exist; create it first");
        }

        if (LaunchTemplateVersions.Resolve(template, spec.Version) is not { } version)
        {
            return ApiErrors.Invalid("ValidationError", $"launch template '{spec.LaunchTemplateName}' has no version '{spec.Version}' (1-{template.LatestVersionNumber})");
        }

        return version.LaunchTemplateData.Provider == "registered"
            ? ApiErrors.Invalid("ValidationError",
                $"launch template '{spec.LaunchTemplateName}' version {version.VersionNumber} uses the registered provider, whose hosts enroll themselves: a scaling group cannot launch them. Select registered hosts with a deployment group's tag filters instead")
            : null;
    }

    private static async Task<AutoScalingGroupInfo> InfoAsync(AutoScalingGroupDocument doc, IGreenlightStore store, FleetSettings settings, CancellationToken ct) =>
        AutoScalingViews.Info(doc, ManagedHooks.For(doc.Name, await DeploymentGroupsAsync(store, ct), settings));

    internal static async Task<IReadOnlyList<DeploymentGroupInfo>> DeploymentGroupsAsync(IGreenlightStore store, CancellationToken ct) =>
        [.. (await store.ListResourcesAsync(ResourceKinds.DeploymentGroup, null, ct)).Select(r => Documents.Read<DeploymentGroupInfo>(r.Body))];

    private static async Task<IReadOnlySet<string>> TargetGroupNamesAsync(IGreenlightStore store, CancellationToken ct) =>
        (await store.ListResourcesAsync(ResourceKinds.TargetGroup, null, ct)).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);

    private static ApiError Deleting(string name) => ApiErrors.Conflict("ResourceInUseException", $"auto scaling group '{name}' is being deleted");

    private static ApiError NotFound(string name) => ApiErrors.NotFound("AutoScalingGroupDoesNotExistException", $"auto scaling group '{name}' does not exist");
}
