using Greenlight.Contracts.V1;
using Greenlight.Engine.Storage;
using Greenlight.Server.Auth;

namespace Greenlight.Server.Api;

/// <summary><c>/api/v1/applications</c>: CreateApplication, GetApplication, ListApplications, DeleteApplication.</summary>
public static class ApplicationsApi
{
    public static void MapApplicationsApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/applications", Create).RequireWrite();
        api.MapGet("/applications", List).RequireRead();
        api.MapGet("/applications/{applicationName}", Get).RequireRead();
        api.MapDelete("/applications/{applicationName}", Delete).RequireWrite();
    }

    private static async Task<IResult> Create(CreateApplicationInput input, HttpContext http, IGreenlightStore store, TimeProvider time, CancellationToken ct)
    {
        if (Names.Check("applicationName", input.ApplicationName) is { } invalid)
        {
            return ApiErrors.Result(invalid);
        }

        if (input.ComputePlatform is not (null or "Server"))
        {
            return ApiErrors.Result(ApiErrors.Invalid("InvalidComputePlatformException",
                $"computePlatform '{input.ComputePlatform}' is not supported: Greenlight deploys to servers (Server)"));
        }

        var info = new ApplicationInfo(Guid.NewGuid().ToString(), input.ApplicationName!, time.GetUtcNow(), "Server");
        try
        {
            await store.PutResourceAsync(ResourceKinds.Application, info.ApplicationName, Documents.Write(info), 0,
                Audit.Of(http, time, "CreateApplication", info.ApplicationName), ct);
        }
        catch (StoreConflictException e)
        {
            return ApiErrors.Result(ApiErrors.FromStore(e, "Application"));
        }

        return Results.Created($"/api/v1/applications/{info.ApplicationName}", info);
    }

    private static async Task<IResult> List(IGreenlightStore store, CancellationToken ct) =>
        Results.Ok(new { applications = (await store.ListResourcesAsync(ResourceKinds.Application, null, ct)).Select(r => r.Key) });

    private static async Task<IResult> Get(string applicationName, IGreenlightStore store, CancellationToken ct) =>
        await store.GetResourceAsync(ResourceKinds.Application, applicationName, ct) is { } found
            ? Results.Ok(new { application = Documents.Read<ApplicationInfo>(found.Body) })
            : ApiErrors.Result(ApiErrors.NotFound("ApplicationDoesNotExistException", $"application '{applicationName}' does not exist"));

    private static async Task<IResult> Delete(string applicationName, HttpContext http, IGreenlightStore store, TimeProvider time, CancellationToken ct)
    {
        var groups = await store.ListResourcesAsync(ResourceKinds.DeploymentGroup, applicationName + "/", ct);
        if (groups.Count > 0)
        {
            return ApiErrors.Result(ApiErrors.Conflict("ApplicationInUseException",
                $"application '{applicationName}' still has {groups.Count} deployment groups; delete them first"));
        }

        return await store.DeleteResourceAsync(ResourceKinds.Application, applicationName, null, Audit.Of(http, time, "DeleteApplication", applicationName), ct)
            ? Results.NoContent()
            : ApiErrors.Result(ApiErrors.NotFound("ApplicationDoesNotExistException", $"application '{applicationName}' does not exist"));
    }
}
