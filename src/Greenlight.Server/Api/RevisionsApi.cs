using Greenlight.Bundles;
using Greenlight.Bundles.Revisions;
using Greenlight.Contracts.V1;
using Greenlight.Engine.Storage;
using Greenlight.Server.Auth;
using Greenlight.Server.Hosting;

namespace Greenlight.Server.Api;

/// <summary>
/// <c>/api/v1/applications/{app}/revisions</c>: upload a bundle (raw body, <c>?bundleType=zip|tar|tgz</c>), register one
/// by URL from an allowed host, list, get, and download. A bundle is kept only if its sha256, size and appspec pass;
/// a bad appspec is a 400 listing every error with its position, and nothing is stored.
/// </summary>
public static class RevisionsApi
{
    public static void MapRevisionsApi(this IEndpointRouteBuilder api)
    {
        const string Revisions = "/applications/{applicationName}/revisions";
        api.MapPost(Revisions, Upload).RequireWrite();
        api.MapPost(Revisions + "/register", Register).RequireWrite();
        api.MapGet(Revisions, List).RequireRead();
        api.MapGet(Revisions + "/{sha256}", Get).RequireRead();
        api.MapGet(Revisions + "/{sha256}/bundle", Download).RequireAgentOrAdmin();
    }

    private static async Task<IResult> Upload(string applicationName, string? bundleType, string? sha256, string? description, HttpContext http,
        IGreenlightStore store, RevisionFileStore files, TimeProvider time, CancellationToken ct)
    {
        if (await CheckAsync(applicationName, bundleType, store, ct) is { } problem)
        {
            return ApiErrors.Result(problem);
        }

        BundleTypes.TryParse(bundleType, out var type);
        var result = await files.StoreAsync(http.Request.Body, type, sha256, ct);
        return await RecordAsync(applicationName, result, type, description, http, store, time, ct);
    }

    private static async Task<IResult> Register(string applicationName, RegisterRevisionInput input, HttpContext http, IGreenlightStore store,
        RevisionFileStore files, ServerOptions options, IHttpClientFactory clients, TimeProvider time, CancellationToken ct)
    {
        if (await CheckAsync(applicationName, input.BundleType, store, ct) is { } problem)
        {
            return ApiErrors.Result(problem);
        }

        if (!Uri.TryCreate(input.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return ApiErrors.Result(ApiErrors.Invalid("InvalidRevisionException", $"url '{input.Url}' must be an absolute http or https URL"));
        }

        if (!Sha256Hex.IsValid(input.Sha256))
        {
            return ApiErrors.Result(ApiErrors.Invalid("InvalidRevisionException", "registering by URL needs the bundle's sha256 (64 hex characters)"));
        }

        if (!(options.AllowedRevisionHosts ?? []).Contains(url.Host, StringComparer.OrdinalIgnoreCase))
        {
            return ApiErrors.Result(ApiErrors.Invalid("RevisionHostNotAllowedException",
                $"the server does not download from '{url.Host}': start it with --allow-revision-host {url.Host} to allow it"));
        }

        BundleTypes.TryParse(input.BundleType, out var type);
        using var client = clients.CreateClient("revisions");
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            return ApiErrors.Result(ApiErrors.Invalid("RevisionDownloadFailedException", $"GET {url} answered {(int)response.StatusCode}"));
        }

        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var result = await files.StoreAsync(body, type, input.Sha256, ct);
        return await RecordAsync(applicationName, result, type, input.Description, http, store, time, ct);
    }

    private static async Task<ApiError?> CheckAsync(string applicationName, string? bundleType, IGreenlightStore store, CancellationToken ct)
    {
        if (Names.Check("applicationName", applicationName) is { } bad)
        {
            return bad;
        }

        if (!BundleTypes.TryParse(bundleType, out _))
        {
            return ApiErrors.Invalid("InvalidBundleTypeException", $"bundleType '{bundleType}' must be zip, tar or tgz");
        }

        return await store.GetResourceAsync(ResourceKinds.Application, applicationName, ct) is null
            ? ApiErrors.NotFound("ApplicationDoesNotExistException", $"application '{applicationName}' does not exist")
            : null;
    }

    private static async Task<IResult> RecordAsync(string applicationName, StoreBundleResult result, BundleType type, string? description, HttpContext http,
        IGreenlightStore store, TimeProvider time, CancellationToken ct)
    {
        if (!result.IsSuccess)
        {
            var findings = result.Diagnostics.Select(d => Finding(d, result.AppSpecPath)).ToList<object>();
            return ApiErrors.Result(result.Code switch
            {
                StoreBundleCode.BundleTooLarge => new ApiError(413, "BundleTooLargeException", result.Message),
                StoreBundleCode.InvalidAppSpec => ApiErrors.Invalid("InvalidAppSpecException", result.Message, findings),
                _ => ApiErrors.Invalid("InvalidRevisionException", result.Message),
            });
        }

        var bundle = result.Bundle;
        var record = new RevisionRecord(applicationName, bundle.Sha256, bundle.Size, type.ToName(), bundle.Path, description, time.GetUtcNow(), null, null);
        var stored = await store.PutRevisionAsync(record, Audit.Of(http, time, "RegisterApplicationRevision", $"{applicationName}/{bundle.Sha256}"), ct);
        var info = Info(stored) with { Warnings = [.. result.Diagnostics.Select(d => Finding(d, result.AppSpecPath))] };
        return Results.Created($"/api/v1/applications/{applicationName}/revisions/{bundle.Sha256}", info);
    }

    private static async Task<IResult> List(string applicationName, IGreenlightStore store, CancellationToken ct) =>
        Results.Ok(new { revisions = (await store.ListRevisionsAsync(applicationName, ct)).Select(Info) });

    private static async Task<IResult> Get(string applicationName, string sha256, IGreenlightStore store, CancellationToken ct) =>
        await store.GetRevisionAsync(applicationName, sha256.ToLowerInvariant(), ct) is { } found
            ? Results.Ok(new { revisionInfo = Info(found) })
            : NotFound(applicationName, sha256);

    private static async Task<IResult> Download(string applicationName, string sha256, IGreenlightStore store, RevisionFileStore files, CancellationToken ct)
    {
        if (await store.GetRevisionAsync(applicationName, sha256.ToLowerInvariant(), ct) is not { } found || !BundleTypes.TryParse(found.BundleType, out var type)
            || files.OpenRead(found.Sha256, type) is not { } stream)
        {
            return NotFound(applicationName, sha256);
        }

        return Results.Stream(stream, "application/octet-stream", $"{found.Sha256}.{found.BundleType}");
    }

    private static RevisionInfo Info(RevisionRecord r) => new(
        new RevisionLocation("Bundle", new BundleLocation(r.Sha256, r.BundleType, r.Size)),
        new GenericRevisionInfo(r.Description, r.RegisteredAt, r.FirstUsedAt, r.LastUsedAt));

    private static AppSpecFinding Finding(Core.AppSpec.AppSpecDiagnostic d, string? file) =>
        new(d.Code.ToString(), d.Severity.ToString(), d.Message, d.Line, d.Column, d.Path, file);

    private static IResult NotFound(string applicationName, string sha256) =>
        ApiErrors.Result(ApiErrors.NotFound("RevisionDoesNotExistException", $"revision '{sha256}' is not registered for application '{applicationName}'"));
}
