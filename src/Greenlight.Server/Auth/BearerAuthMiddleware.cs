using Greenlight.Engine.Storage;
using Greenlight.Server.Api;

namespace Greenlight.Server.Auth;

/// <summary>
/// Every request but <c>/health</c>, the OpenAPI document and agent enrollment (which carries its own token) needs <c>Authorization: Bearer TOKEN</c> of a token that
/// exists, is not revoked and not expired. The caller goes into <c>HttpContext.Items</c>; the endpoints check roles.
/// </summary>
public sealed class BearerAuthMiddleware(RequestDelegate next)
{
    private const string CallerKey = "greenlight.caller";

    public static Caller? CallerOf(HttpContext context) => context.Items.TryGetValue(CallerKey, out var c) ? c as Caller : null;

    public async Task InvokeAsync(HttpContext context, IGreenlightStore store, TimeProvider time)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/health", StringComparison.Ordinal) || path.StartsWithSegments("/openapi", StringComparison.Ordinal) ||
            path.Equals(Agents.EnrollmentApi.EnrollPath, StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            await ApiErrors.Write(context, ApiErrors.Unauthorized("send Authorization: Bearer TOKEN (the admin token is in the data directory's admin.token)"));
            return;
        }

        var token = await store.FindTokenByHashAsync(TokenSecrets.Hash(header["Bearer ".Length..].Trim()), context.RequestAborted);
        var now = time.GetUtcNow();
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now)
        {
            await ApiErrors.Write(context, ApiErrors.Unauthorized("the token is unknown, revoked or expired"));
            return;
        }

        context.Items[CallerKey] = new Caller(token.Id, token.Name, token.Role, token.InstanceId);
        await next(context);
    }
}
