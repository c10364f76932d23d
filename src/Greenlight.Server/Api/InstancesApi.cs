using Greenlight.Contracts.V1;
using Greenlight.Engine.Storage;
using Greenlight.Server.Auth;

namespace Greenlight.Server.Api;

/// <summary><c>/api/v1/instances</c>: on-premises instances and their tags (Register/Get/List/Deregister).</summary>
public static class InstancesApi
{
    public static void MapInstancesApi(this IEndpointRouteBuilder api)
    {
        api.MapPut("/instances/{instanceName}", Register).RequireWrite();
        api.MapGet("/instances", List).RequireRead();
        api.MapGet("/instances/{instanceName}", Get).RequireRead();
        api.MapDelete("/instances/{instanceName}", Deregister).RequireWrite();
    }

    private static async Task<IResult> Register(string instanceName, RegisterInstanceInput input, HttpContext http, IGreenlightStore store, TimeProvider time, CancellationToken ct)
    {
        if (Names.Check("instanceName", instanceName) is { } bad)
        {
            return ApiErrors.Result(bad);
        }

        var tags = input.Tags ?? [];
        if (tags.FirstOrDefault(t => string.IsNullOrEmpty(t.Key) || t.Key.Length > 128 || (t.Value?.Length ?? 0) > 256) is { } badTag)
        {
            return ApiErrors.Result(ApiErrors.Invalid("InvalidTagException", $"tag '{badTag.Key}': keys are 1-128 characters, values up to 256"));
        }

        if (tags.Count > 10)
        {
            return ApiErrors.Result(ApiErrors.Invalid("InstanceLimitExceededException", "an instance has at most 10 tags"));
        }

        if (input.Address is { } address && !System.Net.IPAddress.TryParse(address, out _))
        {
            return ApiErrors.Result(ApiErrors.Invalid("InvalidInstanceAddressException", $"address '{address}' is not an IP address"));
        }

        var existing = await store.GetResourceAsync(ResourceKinds.Instance, instanceName, ct);
        var previous = existing is null ? null : Documents.Read<InstanceInfo>(existing.Body);
        var info = new InstanceInfo(instanceName, tags, previous?.RegisterTime ?? time.GetUtcNow(), null) { Address = input.Address ?? previous?.Address };
        try
        {
            await store.PutResourceAsync(ResourceKinds.Instance, instanceName, Documents.Write(info), existing?.Version ?? 0,
                Audit.Of(http, time, "RegisterOnPremisesInstance", instanceName), ct);
        }
        catch (StoreConflictException e)
        {
            return ApiErrors.Result(ApiErrors.FromStore(e, "Instance"));
        }

        return Results.Ok(new { instanceInfo = info });
    }

    /// <summary>
    /// The names (<c>instanceNames</c>, as ListOnPremisesInstances) and, in <c>instances</c>, each instance as Get shows it:
    /// its InstanceInfo and its health, so a fleet view takes one call instead of one per instance.
    /// </summary>
    private static async Task<IResult> List(IGreenlightStore store, CancellationToken ct)
    {
        var instances = await store.ListResourcesAsync(ResourceKinds.Instance, null, ct);
        var health = (await store.ListResourcesAsync(InstanceHealthInfo.Kind, null, ct))
            .ToDictionary(r => r.Key, r => Documents.Read<InstanceHealthInfo>(r.Body), StringComparer.Ordinal);
        return Results.Ok(new
        {
            instanceNames = instances.Select(r => r.Key),
            instances = instances.Select(r => new
            {
                instanceInfo = Documents.Read<InstanceInfo>(r.Body),
                instanceHealth = health.GetValueOrDefault(r.Key, InstanceHealthInfo.Unknown),
            }),
        });
    }

    private static async Task<IResult> Get(string instanceName, IGreenlightStore store, CancellationToken ct)
    {
        if (await store.GetResourceAsync(ResourceKinds.Instance, instanceName, ct) is not { } found)
        {
            return ApiErrors.Result(ApiErrors.NotFound("InstanceNotRegisteredException", $"instance '{instanceName}' is not registered"));
        }

        var health = await store.GetResourceAsync(InstanceHealthInfo.Kind, instanceName, ct) is { } stored
            ? Documents.Read<InstanceHealthInfo>(stored.Body)
            : InstanceHealthInfo.Unknown;
        return Results.Ok(new { instanceInfo = Documents.Read<InstanceInfo>(found.Body), instanceHealth = health });
    }

    private static async Task<IResult> Deregister(string instanceName, HttpContext http, IGreenlightStore store, TimeProvider time, CancellationToken ct) =>
        await store.DeleteResourceAsync(ResourceKinds.Instance, instanceName, null, Audit.Of(http, time, "DeregisterOnPremisesInstance", instanceName), ct)
            ? Results.NoContent()
            : ApiErrors.Result(ApiErrors.NotFound("InstanceNotRegisteredException", $"instance '{instanceName}' is not registered"));
}
