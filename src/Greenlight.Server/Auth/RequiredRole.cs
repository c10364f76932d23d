namespace Greenlight.Server.Auth;

/// <summary>
/// Endpoint metadata saying which tokens an endpoint lets through, for the API's description (the OpenAPI document
/// and docs/api.md); the check itself is the endpoint filter <see cref="Access"/> adds with it.
/// </summary>
/// <param name="Name">read, write, admin or agent.</param>
/// <param name="Roles">The token roles allowed, e.g. "admin, operator".</param>
public sealed record RequiredRole(string Name, string Roles);
