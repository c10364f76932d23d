namespace Greenlight.Server.Api;

/// <summary>An expected API failure: HTTP status, a stable error code (CodeDeploy's exception names where one exists) and a message.</summary>
public sealed record ApiError(int Status, string Code, string Message, IReadOnlyList<object>? Details = null);
