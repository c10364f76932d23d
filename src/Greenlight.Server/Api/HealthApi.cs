using Greenlight.Engine.Storage;

namespace Greenlight.Server.Api;

/// <summary><c>/health</c>: no token needed; 200 when the store answers, with the schema version.</summary>
public static class HealthApi
{
    public static void MapHealthApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", async (IGreenlightStore store, CancellationToken ct) =>
            Results.Ok(new { status = "ok", schemaVersion = await store.SchemaVersionAsync(ct) }));
}
