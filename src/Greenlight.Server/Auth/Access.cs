using Greenlight.Server.Api;

namespace Greenlight.Server.Auth;

/// <summary>Endpoint filters that let a caller through only with the right role. Deny by default.</summary>
public static class Access
{
    public static RouteHandlerBuilder RequireRead(this RouteHandlerBuilder builder) =>
        builder.Require(new RequiredRole("read", "admin, operator, reader"), Roles.CanRead, "read this");

    public static RouteHandlerBuilder RequireWrite(this RouteHandlerBuilder builder) =>
        builder.Require(new RequiredRole("write", "admin, operator"), Roles.CanWrite, "change this");

    public static RouteHandlerBuilder RequireAdmin(this RouteHandlerBuilder builder) =>
        builder.Require(new RequiredRole("admin", "admin"), r => r == Roles.Admin, "manage tokens");

    public static RouteHandlerBuilder RequireAgentOrAdmin(this RouteHandlerBuilder builder) =>
        builder.Require(new RequiredRole("agent", "agent, admin"), r => r is Roles.Agent or Roles.Admin, "use the agent protocol");

    private static RouteHandlerBuilder Require(this RouteHandlerBuilder builder, RequiredRole role, Func<string, bool> allowed, string what) =>
        builder.WithMetadata(role).AddEndpointFilter(async (context, next) =>
        {
            var caller = BearerAuthMiddleware.CallerOf(context.HttpContext);
            return caller is not null && allowed(caller.Role)
                ? await next(context)
                : ApiErrors.Result(ApiErrors.Forbidden($"a {caller?.Role ?? "missing"} token may not {what}"));
        });

    public static Caller CallerOf(HttpContext context) =>
        BearerAuthMiddleware.CallerOf(context) ?? throw new InvalidOperationException("endpoint reached without authentication");
}
