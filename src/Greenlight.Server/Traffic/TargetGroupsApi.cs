using Greenlight.Contracts.V1;
using Greenlight.Engine.Storage;
using Greenlight.Server.Api;
using Greenlight.Server.Auth;

namespace Greenlight.Server.Traffic;

/// <summary>
/// <c>/api/v1/target-groups</c>: ELB's target groups: create, list, get, change (non-null fields), delete (refused while
/// something uses the group), register and deregister targets, and the group's traffic metrics. Every change is applied
/// to the runtime at once.
/// </summary>
public static class TargetGroupsApi
{
    public const int MaxMetricsSeconds = 900;

    public static void MapTargetGroupsApi(this IEndpointRouteBuilder api)
    {
        const string Groups = "/target-groups";
        api.MapPost(Groups, Create).RequireWrite();
        api.MapGet(Groups, List).RequireRead();
        api.MapGet(Groups + "/{name}", Get).RequireRead();
        api.MapPut(Groups + "/{name}", Update).RequireWrite();
        api.MapDelete(Groups + "/{name}", Delete).RequireWrite();
        api.MapGet(Groups + "/{name}/targets", Targets).RequireRead();
        api.MapPost(Groups + "/{name}/targets", Register).RequireWrite();
        api.MapPost(Groups + "/{name}/targets/deregister", Deregister).RequireWrite();
        api.MapGet(Groups + "/{name}/metrics", Metrics).RequireRead();
    }

    private static async Task<IResult> Create(TargetGroupInput input, HttpContext http, IGreenlightStore store, TimeProvider time, TrafficState state, CancellationToken ct)
    {
        if (Names.Check("targetGroupName", input.TargetGroupName) is { } bad)
        {
            return ApiErrors.Result(TargetGroupValidation.Invalid(bad.Message));
        }

        var health = TargetGroupValidation.Complete(input.HealthCheck);
        var problem = TargetGroupValidation.Port(input.Port)
                      ?? TargetGroupValidation.HealthCheck(health)
                      ?? TargetGroupValidation.DeregistrationDelay(input.DeregistrationDelaySeconds)
                      ?? TargetGroupValidation.Algorithm(input.Algorithm);
        if (problem is not null)
        {
            return ApiErrors.Result(problem);
        }

        var doc = new TargetGroupDocument(input.TargetGroupName!, input.Port!.Value, health, input.DeregistrationDelaySeconds ?? 300,
            input.Algorithm ?? TargetGroupValidation.RoundRobin, 0, [], time.GetUtcNow());
        try
        {
            await store.PutResourceAsync(ResourceKinds.TargetGroup, doc.Name, Documents.Write(doc), 0, Audit.Of(http, time, "CreateTargetGroup", doc.Name), ct);
        }
        catch (StoreConflictException e) when (e.Code == "AlreadyExists")
        {
            return ApiErrors.Result(ApiErrors.Conflict("TargetGroupAlreadyExistsException", $"target group '{doc.Name}' already exists"));
        }

        await state.ApplyAsync(ct);
        return Results.Created($"/api/v1/target-groups/{doc.Name}", new { targetGroup = await InfoAsync(doc, store, state, ct) });
    }

    private static async Task<IResult> Update(string name, TargetGroupInput input, HttpContext http, IGreenlightStore store, TimeProvider time, TrafficState state, CancellationToken ct)
    {
        if (input.TargetGroupName is { } renamed && renamed != name)
        {
            return ApiErrors.Result(TargetGroupValidation.Invalid($"targetGroupName '{renamed}' differs from '{name}': a target group cannot be renamed"));
        }

        if (await TrafficStore.TargetGroupAsync(store, name, ct) is not { } current)
        {
            return ApiErrors.Result(TargetGroupValidation.NotFound(name));
        }

        var health = input.HealthCheck is { } spec ? TargetGroupValidation.Merge(spec, current.Document.HealthCheck) : null;
        var problem = (input.Port is null ? null : TargetGroupValidation.Port(input.Port))
                      ?? (health is null ? null : TargetGroupValidation.HealthCheck(health))
                      ?? TargetGroupValidation.DeregistrationDelay(input.DeregistrationDelaySeconds)
                      ?? TargetGroupValidation.Algorithm(input.Algorithm);
        if (problem is not null)
        {
            return ApiErrors.Result(problem);
        }

        var updated = await TrafficStore.UpdateTargetGroupAsync(store, name, doc => doc with
        {
            Port = input.Port ?? doc.Port,
            HealthCheck = health ?? doc.HealthCheck,
            DeregistrationDelaySeconds = input.DeregistrationDelaySeconds ?? doc.DeregistrationDelaySeconds,
            Algorithm = input.Algorithm ?? doc.Algorithm,
        }, Audit.Of(http, time, "UpdateTargetGroup", name), ct);
        if (updated is null)
        {
            return ApiErrors.Result(TargetGroupValidation.NotFound(name));
        }

        await state.ApplyAsync(ct);
        return Results.Ok(new { targetGroup = await InfoAsync(updated, store, state, ct) });
    }

    private static async Task<IResult> Delete(string name, HttpContext http, IGreenlightStore store, TimeProvider time, TrafficState state, CancellationToken ct)
    {
        if (await TrafficStore.TargetGroupAsync(store, name, ct) is not var (_, version))
        {
            return ApiErrors.Result(TargetGroupValidation.NotFound(name));
        }

        if (await TargetGroupUsers.FirstAsync(store, name, ct) is { } user)
        {
            return ApiErrors.Result(ApiErrors.Conflict("TargetGroupInUseException", $"target group '{name}' is in use: {user}"));
        }

        try
        {
            await store.DeleteResourceAsync(ResourceKinds.TargetGroup, name, version, Audit.Of(http, time, "DeleteTargetGroup", name), ct);
        }
        catch (StoreConflictException e)
        {
            return ApiErrors.Result(ApiErrors.FromStore(e, "TargetGroup"));
        }

        await state.ApplyAsync(ct);
        return Results.NoContent();
    }

    private static async Task<IResult> List(IGreenlightStore store, TrafficState state, CancellationToken ct)
    {
        var running = state.Runtime.Targets();
        var directory = await InstanceDirectory.LoadAsync(store, ct);
        var balancers = await TrafficStore.LoadBalancersAsync(store, ct);
        return Results.Ok(new { targetGroups = (await TrafficStore.TargetGroupsAsync(store, ct)).Select(d => TrafficViews.TargetGroup(d, running, directory, balancers)) });
    }

    private static async Task<IResult> Get(string name, IGreenlightStore store, TrafficState state, CancellationToken ct) =>
        await TrafficStore.TargetGroupAsync(store, name, ct) is var (doc, _)
            ? Results.Ok(new { targetGroup = await InfoAsync(doc, store, state, ct) })
            : ApiErrors.Result(TargetGroupValidation.NotFound(name));

    private static async Task<IResult> Targets(string name, IGreenlightStore store, TrafficState state, CancellationToken ct) =>
        await TrafficStore.TargetGroupAsync(store, name, ct) is var (doc, _)
            ? Results.Ok(new { targets = TrafficViews.Targets(doc, state.Runtime.Targets(name), await InstanceDirectory.LoadAsync(store, ct)) })
            : ApiErrors.Result(TargetGroupValidation.NotFound(name));

    private static async Task<IResult> Register(string name, TargetsInput input, HttpContext http, IGreenlightStore store, TimeProvider time, TrafficState state, CancellationToken ct)
    {
        if (await TrafficStore.TargetGroupAsync(store, name, ct) is null)
        {
            return ApiErrors.Result(TargetGroupValidation.NotFound(name));
        }

        var directory = await InstanceDirectory.LoadAsync(store, ct);
        if (TargetsProblem(input, t => directory.Exists(t.InstanceId!) ? null : "is not a registered instance or an instance of an auto scaling group") is { } problem)
        {
            return ApiErrors.Result(problem);
        }

        var updated = await TrafficStore.UpdateTargetGroupAsync(store, name, doc => input.Targets!.Aggregate(doc, (d, t) =>
                d.Register(t.InstanceId!, t.Port ?? d.Port, TargetGroupDocument.Blue, directory.AttachedOwner(t.InstanceId!, name) is { } owner ? TargetEntry.Attachment(owner.Name) : TargetEntry.Api)),
            Audit.Of(http, time, "RegisterTargets", name, string.Join(' ', input.Targets!.Select(t => t.InstanceId))), ct);
        return await AnswerAsync(name, updated, store, state, directory, ct);
    }

    private static async Task<IResult> Deregister(string name, TargetsInput input, HttpContext http, IGreenlightStore store, TimeProvider time, TrafficState state, CancellationToken ct)
    {
        if (await TrafficStore.TargetGroupAsync(store, name, ct) is not var (current, _))
        {
            return ApiErrors.Result(TargetGroupValidation.NotFound(name));
        }

        if (TargetsProblem(input, t => current.Find(t.InstanceId!) is null ? $"is not registered in target group '{name}'" : null) is { } problem)
        {
            return ApiErrors.Result(problem);
        }

        // A user's deregistration holds the instance out, so a scaling group attachment does not register it again.
        var updated = await TrafficStore.UpdateTargetGroupAsync(store, name, doc => input.Targets!.Aggregate(doc, (d, t) => d.Deregister(t.InstanceId!, holdOut: true)),
            Audit.Of(http, time, "DeregisterTargets", name, string.Join(' ', input.Targets!.Select(t => t.InstanceId))), ct);
        return await AnswerAsync(name, updated, store, state, await InstanceDirectory.LoadAsync(store, ct), ct);
    }

    private static async Task<IResult> Metrics(string name, int? seconds, IGreenlightStore store, TrafficState state, TimeProvider time, CancellationToken ct)
    {
        if (seconds is < 1 or > MaxMetricsSeconds)
        {
            return ApiErrors.Result(TargetGroupValidation.Invalid($"seconds {seconds} must be from 1 to {MaxMetricsSeconds}"));
        }

        if (await TrafficStore.TargetGroupAsync(store, name, ct) is not var (doc, _))
        {
            return ApiErrors.Result(TargetGroupValidation.NotFound(name));
        }

        var to = time.GetUtcNow();
        var from = to.AddSeconds(-(seconds ?? 60));
        var ids = doc.Targets.Select(t => t.InstanceId).Concat(state.Runtime.Targets(name).Select(t => t.Id)).Distinct(StringComparer.Ordinal);
        return Results.Ok(new TargetGroupMetricsInfo(name, from, to,
            TrafficViews.Metrics(state.Runtime.Metrics(name, null, from, to)),
            [.. ids.Select(id => new TargetMetricsInfo(id, TrafficViews.Metrics(state.Runtime.Metrics(name, id, from, to))))]));
    }

    private static ApiError? TargetsProblem(TargetsInput input, Func<TargetRef, string?> check)
    {
        if (input.Targets is null || input.Targets.Count == 0)
        {
            return TargetGroupValidation.InvalidTarget("targets: name at least one target");
        }

        for (var i = 0; i < input.Targets.Count; i++)
        {
            var target = input.Targets[i];
            if (string.IsNullOrEmpty(target?.InstanceId))
            {
                return TargetGroupValidation.InvalidTarget($"targets[{i}].instanceId is required");
            }

            if (target.Port is < 1 or > 65535)
            {
                return TargetGroupValidation.InvalidTarget($"targets[{i}].port {target.Port} must be from 1 to 65535");
            }

            if (check(target) is { } problem)
            {
                return TargetGroupValidation.InvalidTarget($"targets[{i}].instanceId '{target.InstanceId}' {problem}");
            }
        }

        return null;
    }

    private static async Task<IResult> AnswerAsync(string name, TargetGroupDocument? updated, IGreenlightStore store, TrafficState state, InstanceDirectory directory, CancellationToken ct)
    {
        if (updated is null)
        {
            return ApiErrors.Result(TargetGroupValidation.NotFound(name));
        }

        await state.ApplyAsync(ct);
        var current = await TrafficStore.TargetGroupAsync(store, name, ct) is var (doc, _) ? doc : updated;
        return Results.Ok(new { targets = TrafficViews.Targets(current, state.Runtime.Targets(name), directory) });
    }

    private static async Task<TargetGroupInfo> InfoAsync(TargetGroupDocument doc, IGreenlightStore store, TrafficState state, CancellationToken ct) =>
        TrafficViews.TargetGroup(doc, state.Runtime.Targets(doc.Name), await InstanceDirectory.LoadAsync(store, ct), await TrafficStore.LoadBalancersAsync(store, ct));
}
