using Greenlight.Engine.Storage;
using Greenlight.Server.Auth;

namespace Greenlight.Server.Api;

/// <summary>Audit rows for mutating calls: who (token name and id), what (the operation), which resource, when.</summary>
public static class Audit
{
    public static AuditEntry Of(HttpContext http, TimeProvider time, string action, string target, string detail = "") =>
        new(time.GetUtcNow(), Access.CallerOf(http).Actor, action, target, detail);
}
