namespace Greenlight.Engine.Storage;

/// <summary>
/// An expected refusal from the store, with a stable code: <c>AlreadyExists</c>, <c>VersionConflict</c>,
/// <c>NotFound</c>, <c>DeploymentLimitExceeded</c>. Callers turn it into a 409/404 with that code.
/// </summary>
public sealed class StoreConflictException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
