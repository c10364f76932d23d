using Greenlight.Server.Api;

namespace Greenlight.Server.Auth;

/// <summary>Endpoint filters that let a caller through only with the right role. Deny by default.</summary>
public static class Access
{
    public static RouteHandlerBuilder RequireRead(this RouteHandlerBuilder builder) => builder.Require(Roles.CanRead, "read this");

    public static RouteHandlerBuilder RequireWrite(this RouteHandlerBuilder builder) => builder.Require(Roles.CanWrite, "change this");

    public static RouteHandlerBuilder RequireAdmin(this RouteHandlerBuilder builder) => builder.Require(r => r == Roles.Admin, "manage tokens");

    public static RouteHandlerBuilder RequireAgentOrAdmin(this RouteHandlerBuilder builder) =>
        builder.Require(r => r is Roles.Agent or Roles.Admin, "use the agent protocol");

    private static RouteHandlerBuilder Require(this RouteHandlerBuilder builder, Func<string, bool> allowed, string what) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var caller = BearerAuthMiddleware.CallerOf(context.HttpContext);
            return caller is not null && allowed(caller.Role)
                ? await next(context)
                : ApiErrors.Result(ApiErrors.Forbidden($"a {caller?.Role ?? "missing"} token may not {what}"));
        });

    public static Caller CallerOf(HttpContext context) =>
        BearerAuthMiddleware.CallerOf(context) ?? throw new InvalidOperationException("endpoint reached without authentication");
}
