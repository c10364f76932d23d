using System.Net;
using Greenlight.Contracts.V1;
using Greenlight.Engine.Storage;
using Greenlight.LoadBalancer.Status;
using Greenlight.Server.Api;
using Greenlight.Server.Auth;
using Greenlight.Server.Hosting;
using Microsoft.Extensions.Logging;

namespace Greenlight.Server.Traffic;

/// <summary>
/// <c>/api/v1/load-balancers</c>: create, list, get, replace the listeners of, and delete load balancers. A change is
/// applied to the runtime at once; if a listener cannot bind (the address is in use, a bad certificate), the change is
/// undone and the answer names the listener and the reason.
/// </summary>
public static class LoadBalancersApi
{
    public static void MapLoadBalancersApi(this IEndpointRouteBuilder api)
    {
        const string Balancers = "/load-balancers";
        api.MapPost(Balancers, Create).RequireWrite();
        api.MapGet(Balancers, List).RequireRead();
        api.MapGet(Balancers + "/{name}", Get).RequireRead();
        api.MapPut(Balancers + "/{name}", Update).RequireWrite();
        api.MapDelete(Balancers + "/{name}", Delete).RequireWrite();
    }

    private static async Task<IResult> Create(LoadBalancerInput input, HttpContext http, IGreenlightStore store, TimeProvider time, TrafficState state, ServerAddress server,
        ILogger<TrafficState> logger, CancellationToken ct)
    {
        if (Names.Check("loadBalancerName", input.LoadBalancerName) is { } bad)
        {
            return ApiErrors.Result(LoadBalancerValidation.Invalid(bad.Message));
        }

        var name = input.LoadBalancerName!;
        if (await ProblemAsync(name, input.Listeners, store, server, ct) is { } problem)
        {
            return ApiErrors.Result(problem);
        }

        var doc = new LoadBalancerDocument(name, input.Listeners!, time.GetUtcNow());
        try
        {
            await store.PutResourceAsync(ResourceKinds.LoadBalancer, name, Documents.Write(doc), 0, Audit.Of(http, time, "CreateLoadBalancer", name), ct);
        }
        catch (StoreConflictException e) when (e.Code == "AlreadyExists")
        {
            return ApiErrors.Result(ApiErrors.Conflict("LoadBalancerAlreadyExistsException", $"load balancer '{name}' already exists"));
        }

        var statuses = await state.ApplyAsync(ct);
        if (BindFailure(doc, statuses) is { } failure)
        {
            await store.DeleteResourceAsync(ResourceKinds.LoadBalancer, name, null, Audit.Of(http, time, "CreateLoadBalancer", name, "undone: " + failure.Message), ct);
            await state.ApplyAsync(ct);
            TrafficLog.ChangeUndone(logger, name, failure.Message);
            return ApiErrors.Result(failure);
        }

        return Results.Created($"/api/v1/load-balancers/{name}", new { loadBalancer = TrafficViews.LoadBalancer(doc, state.Runtime.Listeners()) });
    }

    private static async Task<IResult> Update(string name, LoadBalancerInput input, HttpContext http, IGreenlightStore store, TimeProvider time, TrafficState state, ServerAddress server,
        ILogger<TrafficState> logger, CancellationToken ct)
    {
        if (await TrafficStore.LoadBalancerAsync(store, name, ct) is not var (old, version))
        {
            return ApiErrors.Result(LoadBalancerValidation.NotFound(name));
        }

        if (input.LoadBalancerName is { } renamed && renamed != name)
        {
            return ApiErrors.Result(LoadBalancerValidation.Invalid($"loadBalancerName '{renamed}' differs from '{name}': a load balancer cannot be renamed"));
        }

        if (await ProblemAsync(name, input.Listeners, store, server, ct) is { } problem)
        {
            return ApiErrors.Result(problem);
        }

        var doc = old with { Listeners = input.Listeners! };
        StoredResource stored;
        try
        {
            stored = await store.PutResourceAsync(ResourceKinds.LoadBalancer, name, Documents.Write(doc), version, Audit.Of(http, time, "UpdateLoadBalancer", name), ct);
        }
        catch (StoreConflictException e)
        {
            return ApiErrors.Result(ApiErrors.FromStore(e, "LoadBalancer"));
        }

        var statuses = await state.ApplyAsync(ct);
        if (BindFailure(doc, statuses) is { } failure)
        {
            await store.PutResourceAsync(ResourceKinds.LoadBalancer, name, Documents.Write(old), stored.Version,
                Audit.Of(http, time, "UpdateLoadBalancer", name, "undone: " + failure.Message), ct);
            await state.ApplyAsync(ct);
            TrafficLog.ChangeUndone(logger, name, failure.Message);
            return ApiErrors.Result(failure);
        }

        return Results.Ok(new { loadBalancer = TrafficViews.LoadBalancer(doc, state.Runtime.Listeners()) });
    }

    private static async Task<IResult> Delete(string name, HttpContext http, IGreenlightStore store, TimeProvider time, TrafficState state, CancellationToken ct)
    {
        if (!await store.DeleteResourceAsync(ResourceKinds.LoadBalancer, name, null, Audit.Of(http, time, "DeleteLoadBalancer", name), ct))
        {
            return ApiErrors.Result(LoadBalancerValidation.NotFound(name));
        }

        await state.ApplyAsync(ct);
        return Results.NoContent();
    }

    private static async Task<IResult> List(IGreenlightStore store, TrafficState state, CancellationToken ct)
    {
        var running = state.Runtime.Listeners();
        return Results.Ok(new { loadBalancers = (await TrafficStore.LoadBalancersAsync(store, ct)).Select(d => TrafficViews.LoadBalancer(d, running)) });
    }

    private static async Task<IResult> Get(string name, IGreenlightStore store, TrafficState state, CancellationToken ct) =>
        await TrafficStore.LoadBalancerAsync(store, name, ct) is var (doc, _)
            ? Results.Ok(new { loadBalancer = TrafficViews.LoadBalancer(doc, state.Runtime.Listeners()) })
            : ApiErrors.Result(LoadBalancerValidation.NotFound(name));

    private static async Task<ApiError?> ProblemAsync(string name, IReadOnlyList<ListenerSpec>? listeners, IGreenlightStore store, ServerAddress server, CancellationToken ct)
    {
        var groups = (await TrafficStore.TargetGroupsAsync(store, ct)).Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
        var others = (await TrafficStore.LoadBalancersAsync(store, ct)).Where(b => b.Name != name).ToList();
        var url = new Uri(await server.UrlAsync(ct));
        return LoadBalancerValidation.Listeners(listeners, groups, others, ListenerAddresses.Parse(url.Authority) ?? Loopback(url));
    }

    private static IPEndPoint? Loopback(Uri url) => url.Host == "localhost" ? new IPEndPoint(IPAddress.Loopback, url.Port) : null;

    /// <summary>The first listener of <paramref name="doc"/> that could not bind, as the answer naming it.</summary>
    private static ApiError? BindFailure(LoadBalancerDocument doc, IReadOnlyList<ListenerStatus> statuses)
    {
        for (var i = 0; i < doc.Listeners.Count; i++)
        {
            var address = doc.Listeners[i].Address;
            if (statuses.FirstOrDefault(s => s.LoadBalancer == doc.Name && s.Address == address && s.Error is not null) is { } failed)
            {
                return LoadBalancerValidation.Invalid($"listeners[{i}].address '{address}' could not be used: {failed.Error}");
            }
        }

        return null;
    }
}
