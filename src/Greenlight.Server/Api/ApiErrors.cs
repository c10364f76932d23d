using Greenlight.Engine.Storage;

namespace Greenlight.Server.Api;

/// <summary>
/// ProblemDetails for every expected failure: <c>{"type","title","status","detail","code"}</c> plus details
/// (e.g. every appspec error with its position). The code is stable; the detail says what to fix.
/// </summary>
public static class ApiErrors
{
    public static ApiError Unauthorized(string message) => new(401, "Unauthorized", message);

    public static ApiError Forbidden(string message) => new(403, "AccessDenied", message);

    public static ApiError NotFound(string code, string message) => new(404, code, message);

    public static ApiError Invalid(string code, string message, IReadOnlyList<object>? details = null) => new(400, code, message, details);

    public static ApiError Conflict(string code, string message) => new(409, code, message);

    public static ApiError FromStore(StoreConflictException e, string what) => e.Code switch
    {
        "AlreadyExists" => Conflict($"{what}AlreadyExistsException", e.Message),
        "NotFound" => NotFound($"{what}DoesNotExistException", e.Message),
        "DeploymentLimitExceeded" => Conflict("DeploymentLimitExceededException", e.Message),
        _ => Conflict(e.Code, e.Message),
    };

    public static IResult Result(ApiError error) => Results.Problem(
        detail: error.Message,
        statusCode: error.Status,
        title: error.Code,
        type: "https://greenlight.dev/errors/" + error.Code,
        extensions: new Dictionary<string, object?> { ["code"] = error.Code, ["details"] = error.Details });

    public static Task Write(HttpContext context, ApiError error) => Result(error).ExecuteAsync(context);
}
