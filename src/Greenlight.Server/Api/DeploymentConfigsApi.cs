using Greenlight.Contracts.V1;
using Greenlight.Core.Batching;
using Greenlight.Engine.Storage;
using Greenlight.Server.Auth;

namespace Greenlight.Server.Api;

/// <summary><c>/api/v1/deployment-configs</c>: the three CodeDeployDefault configurations plus custom ones.</summary>
public static class DeploymentConfigsApi
{
    private static readonly DateTimeOffset Epoch = DateTimeOffset.UnixEpoch;

    public static void MapDeploymentConfigsApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/deployment-configs", Create).RequireWrite();
        api.MapGet("/deployment-configs", List).RequireRead();
        api.MapGet("/deployment-configs/{name}", Get).RequireRead();
        api.MapDelete("/deployment-configs/{name}", Delete).RequireWrite();
    }

    /// <summary>A predefined or stored configuration by name, or null.</summary>
    public static async Task<DeploymentConfiguration?> ResolveAsync(string name, IGreenlightStore store, CancellationToken ct)
    {
        if (DeploymentConfiguration.Predefined.FirstOrDefault(c => c.Name == name) is { } predefined)
        {
            return predefined;
        }

        return await store.GetResourceAsync(ResourceKinds.DeploymentConfig, name, ct) is { } stored
            ? ToCore(Documents.Read<DeploymentConfigInfo>(stored.Body))
            : null;
    }

    private static DeploymentConfiguration? ToCore(DeploymentConfigInfo info) =>
        Parse(info.MinimumHealthyHosts) is { } min ? DeploymentConfiguration.Custom(info.DeploymentConfigName, min).Configuration : null;

    private static Core.Batching.MinimumHealthyHosts? Parse(Contracts.V1.MinimumHealthyHosts? m) => m switch
    {
        { Type: "HOST_COUNT", Value: { } v } => Core.Batching.MinimumHealthyHosts.HostCount(v),
        { Type: "FLEET_PERCENT", Value: { } v } => Core.Batching.MinimumHealthyHosts.FleetPercent(v),
        _ => null,
    };

    private static async Task<IResult> Create(CreateDeploymentConfigInput input, HttpContext http, IGreenlightStore store, TimeProvider time, CancellationToken ct)
    {
        if (Parse(input.MinimumHealthyHosts) is not { } min)
        {
            return ApiErrors.Result(ApiErrors.Invalid("InvalidMinimumHealthyHostValueException",
                "minimumHealthyHosts needs type HOST_COUNT or FLEET_PERCENT and a value"));
        }

        var result = DeploymentConfiguration.Custom(input.DeploymentConfigName ?? "", min);
        if (!result.IsValid)
        {
            var code = result.Errors[0].Code.ToString().StartsWith("Name", StringComparison.Ordinal)
                ? "InvalidDeploymentConfigNameException"
                : "InvalidMinimumHealthyHostValueException";
            return ApiErrors.Result(ApiErrors.Invalid(code, string.Join(" ", result.Errors.Select(e => e.Message))));
        }

        var info = new DeploymentConfigInfo(Guid.NewGuid().ToString(), input.DeploymentConfigName!, input.MinimumHealthyHosts!, time.GetUtcNow(), "Server");
        try
        {
            await store.PutResourceAsync(ResourceKinds.DeploymentConfig, info.DeploymentConfigName, Documents.Write(info), 0,
                Audit.Of(http, time, "CreateDeploymentConfig", info.DeploymentConfigName), ct);
        }
        catch (StoreConflictException e)
        {
            return ApiErrors.Result(ApiErrors.FromStore(e, "DeploymentConfig"));
        }

        return Results.Created($"/api/v1/deployment-configs/{info.DeploymentConfigName}", new { deploymentConfigId = info.DeploymentConfigId });
    }

    private static async Task<IResult> List(IGreenlightStore store, CancellationToken ct) => Results.Ok(new
    {
        deploymentConfigsList = DeploymentConfiguration.Predefined.Select(c => c.Name)
            .Concat((await store.ListResourcesAsync(ResourceKinds.DeploymentConfig, null, ct)).Select(r => r.Key)),
    });

    private static async Task<IResult> Get(string name, IGreenlightStore store, CancellationToken ct)
    {
        if (DeploymentConfiguration.Predefined.FirstOrDefault(c => c.Name == name) is { } predefined)
        {
            var m = predefined.MinimumHealthyHosts;
            return Results.Ok(new { deploymentConfigInfo = new DeploymentConfigInfo(predefined.Name, predefined.Name, new(m.TypeWireName, m.Value), Epoch, "Server") });
        }

        return await store.GetResourceAsync(ResourceKinds.DeploymentConfig, name, ct) is { } stored
            ? Results.Ok(new { deploymentConfigInfo = Documents.Read<DeploymentConfigInfo>(stored.Body) })
            : ApiErrors.Result(ApiErrors.NotFound("DeploymentConfigDoesNotExistException", $"deployment configuration '{name}' does not exist"));
    }

    private static async Task<IResult> Delete(string name, HttpContext http, IGreenlightStore store, TimeProvider time, CancellationToken ct)
    {
        if (name.StartsWith(DeploymentConfiguration.ReservedPrefix, StringComparison.Ordinal))
        {
            return ApiErrors.Result(ApiErrors.Invalid("InvalidOperationException", $"{name} is predefined and cannot be deleted"));
        }

        var groups = await store.ListResourcesAsync(ResourceKinds.DeploymentGroup, null, ct);
        if (groups.Select(g => Documents.Read<DeploymentGroupInfo>(g.Body)).FirstOrDefault(g => g.DeploymentConfigName == name) is { } user)
        {
            return ApiErrors.Result(ApiErrors.Conflict("DeploymentConfigInUseException", $"deployment group '{user.DeploymentGroupName}' uses '{name}'"));
        }

        return await store.DeleteResourceAsync(ResourceKinds.DeploymentConfig, name, null, Audit.Of(http, time, "DeleteDeploymentConfig", name), ct)
            ? Results.NoContent()
            : ApiErrors.Result(ApiErrors.NotFound("DeploymentConfigDoesNotExistException", $"deployment configuration '{name}' does not exist"));
    }
}
