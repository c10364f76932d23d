using Greenlight.Contracts.V1;
using Greenlight.Engine.Storage;
using Greenlight.Server.Api;
using Greenlight.Server.Auth;

namespace Greenlight.Server.Fleet;

/// <summary><c>/api/v1/launch-templates</c>: named, versioned descriptions of how an instance is made (EC2's launch templates).</summary>
public static class LaunchTemplatesApi
{
    public static void MapLaunchTemplatesApi(this IEndpointRouteBuilder api)
    {
        const string Templates = "/launch-templates";
        api.MapPost(Templates, Create).RequireWrite();
        api.MapGet(Templates, List).RequireRead();
        api.MapGet(Templates + "/{name}", Get).RequireRead();
        api.MapPost(Templates + "/{name}/versions", CreateVersion).RequireWrite();
        api.MapPut(Templates + "/{name}", Modify).RequireWrite();
        api.MapDelete(Templates + "/{name}", Delete).RequireWrite();
    }

    public static async Task<LaunchTemplateInfo?> FindAsync(IGreenlightStore store, string name, CancellationToken ct) =>
        await store.GetResourceAsync(ResourceKinds.LaunchTemplate, name, ct) is { } stored ? Documents.Read<LaunchTemplateInfo>(stored.Body) : null;

    private static async Task<IResult> Create(CreateLaunchTemplateInput input, HttpContext http, IGreenlightStore store, TimeProvider time, CancellationToken ct)
    {
        if (Names.Check("launchTemplateName", input.LaunchTemplateName) is { } bad)
        {
            return ApiErrors.Result(bad);
        }

        var data = input.LaunchTemplateData ?? new LaunchTemplateData();
        if ((LaunchTemplateValidation.Check(data) ?? BootstrapAllowed(http, data)) is { } problem)
        {
            return ApiErrors.Result(problem);
        }

        var now = time.GetUtcNow();
        var template = new LaunchTemplateInfo(input.LaunchTemplateName!, "lt-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)),
            1, 1, now, [new LaunchTemplateVersionInfo(1, input.VersionDescription, true, now, data with { Provider = data.Provider ?? "local" })]);
        try
        {
            await store.PutResourceAsync(ResourceKinds.LaunchTemplate, template.LaunchTemplateName, Documents.Write(template), 0,
                Audit.Of(http, time, "CreateLaunchTemplate", template.LaunchTemplateName), ct);
        }
        catch (StoreConflictException e)
        {
            return ApiErrors.Result(ApiErrors.FromStore(e, "LaunchTemplate"));
        }

        return Results.Created($"/api/v1/launch-templates/{template.LaunchTemplateName}", new { launchTemplate = template });
    }

    private static async Task<IResult> CreateVersion(string name, CreateLaunchTemplateVersionInput input, HttpContext http, IGreenlightStore store, TimeProvider time, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await store.GetResourceAsync(ResourceKinds.LaunchTemplate, name, ct) is not { } stored)
            {
                return NotFound(name);
            }

            var template = Documents.Read<LaunchTemplateInfo>(stored.Body);
            if (LaunchTemplateVersions.Resolve(template, input.SourceVersion ?? "$Latest") is not { } source)
            {
                return ApiErrors.Result(ApiErrors.Invalid("InvalidLaunchTemplateVersionException",
                    $"sourceVersion '{input.SourceVersion}' of launch template '{name}' does not exist (versions 1-{template.LatestVersionNumber}, $Latest, $Default)"));
            }

            var data = LaunchTemplateValidation.Merge(source.LaunchTemplateData, input.LaunchTemplateData);
            if ((LaunchTemplateValidation.Check(data) ?? BootstrapAllowed(http, input.LaunchTemplateData)) is { } problem)
            {
                return ApiErrors.Result(problem);
            }

            var version = new LaunchTemplateVersionInfo(template.LatestVersionNumber + 1, input.VersionDescription, false, time.GetUtcNow(), data);
            var updated = template with { LatestVersionNumber = version.VersionNumber, Versions = [.. template.Versions, version] };
            try
            {
                await store.PutResourceAsync(ResourceKinds.LaunchTemplate, name, Documents.Write(updated), stored.Version,
                    Audit.Of(http, time, "CreateLaunchTemplateVersion", name, version.VersionNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
                return Results.Created($"/api/v1/launch-templates/{name}", new { launchTemplateVersion = version });
            }
            catch (StoreConflictException e) when (e.Code == "VersionConflict")
            {
                // Another version was added at the same moment: number this one after it.
            }
        }

        return ApiErrors.Result(ApiErrors.Conflict("ConcurrentModificationException", $"launch template '{name}' is being changed by others; try again"));
    }

    private static async Task<IResult> Modify(string name, ModifyLaunchTemplateInput input, HttpContext http, IGreenlightStore store, TimeProvider time, CancellationToken ct)
    {
        if (await store.GetResourceAsync(ResourceKinds.LaunchTemplate, name, ct) is not { } stored)
        {
            return NotFound(name);
        }

        var template = Documents.Read<LaunchTemplateInfo>(stored.Body);
        if (input.DefaultVersion is null || input.DefaultVersion.StartsWith('$') || LaunchTemplateVersions.Resolve(template, input.DefaultVersion) is not { } chosen)
        {
            return ApiErrors.Result(ApiErrors.Invalid("InvalidLaunchTemplateVersionException",
                $"defaultVersion '{input.DefaultVersion}' must be an existing version number of '{name}' (1-{template.LatestVersionNumber})"));
        }

        var updated = template with
        {
            DefaultVersionNumber = chosen.VersionNumber,
            Versions = [.. template.Versions.Select(v => v with { DefaultVersion = v.VersionNumber == chosen.VersionNumber })],
        };
        try
        {
            await store.PutResourceAsync(ResourceKinds.LaunchTemplate, name, Documents.Write(updated), stored.Version,
                Audit.Of(http, time, "ModifyLaunchTemplate", name, $"default {chosen.VersionNumber}"), ct);
        }
        catch (StoreConflictException e)
        {
            return ApiErrors.Result(ApiErrors.FromStore(e, "LaunchTemplate"));
        }

        return Results.Ok(new { launchTemplate = updated });
    }

    private static async Task<IResult> List(IGreenlightStore store, CancellationToken ct) =>
        Results.Ok(new { launchTemplates = (await store.ListResourcesAsync(ResourceKinds.LaunchTemplate, null, ct)).Select(r => Documents.Read<LaunchTemplateInfo>(r.Body)) });

    private static async Task<IResult> Get(string name, IGreenlightStore store, CancellationToken ct) =>
        await FindAsync(store, name, ct) is { } template ? Results.Ok(new { launchTemplate = template }) : NotFound(name);

    private static async Task<IResult> Delete(string name, HttpContext http, IGreenlightStore store, TimeProvider time, CancellationToken ct)
    {
        var users = (await store.ListResourcesAsync(ResourceKinds.AutoScalingGroup, null, ct))
            .Select(r => Documents.Read<AutoScalingGroupDocument>(r.Body))
            .Where(g => g.LaunchTemplate.LaunchTemplateName == name)
            .Select(g => g.Name)
            .ToList();
        if (users.Count > 0)
        {
            return ApiErrors.Result(ApiErrors.Conflict("ResourceInUseException",
                $"launch template '{name}' is used by auto scaling group(s) {string.Join(", ", users)}; delete them or point them at another template first"));
        }

        return await store.DeleteResourceAsync(ResourceKinds.LaunchTemplate, name, null, Audit.Of(http, time, "DeleteLaunchTemplate", name), ct)
            ? Results.NoContent()
            : NotFound(name);
    }

    /// <summary>
    /// A bootstrap script runs on the server's machine as the server's user, which can read the server's data (its admin
    /// token, its database): only an admin may write one. Local instances are a convenience of one machine, not a
    /// security boundary.
    /// </summary>
    private static ApiError? BootstrapAllowed(HttpContext http, LaunchTemplateData? data) =>
        data?.BootstrapScript is not null && Access.CallerOf(http).Role != Roles.Admin
            ? ApiErrors.Forbidden("a bootstrap script runs on the server's machine as the server's user: only an admin token may set one")
            : null;

    private static IResult NotFound(string name) =>
        ApiErrors.Result(ApiErrors.NotFound("LaunchTemplateDoesNotExistException", $"launch template '{name}' does not exist"));
}
