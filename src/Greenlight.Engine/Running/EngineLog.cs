using Microsoft.Extensions.Logging;

namespace Greenlight.Engine.Running;

/// <summary>The engine's log messages, each with a stable event id.</summary>
internal static partial class EngineLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Deployment {DeploymentId} {Status}: {Reason}")]
    public static partial void StatusChanged(ILogger logger, string deploymentId, string status, string reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Deployment {DeploymentId} rejected {Observation}: {Code} {Message}")]
    public static partial void Rejected(ILogger logger, string deploymentId, string observation, string code, string message);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Deployment {DeploymentId}: write conflict, retrying ({Attempt})")]
    public static partial void Conflict(ILogger logger, string deploymentId, int attempt);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Command {Key} ({Type}) failed to dispatch; it will be retried")]
    public static partial void DispatchFailed(ILogger logger, Exception exception, string key, string type);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "Command {Key} ({Type}) has no port to carry it out")]
    public static partial void NoPort(ILogger logger, string key, string type);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Deployment {DeploymentId} could not start {What}: {Problem}")]
    public static partial void CannotStart(ILogger logger, string deploymentId, string what, string problem);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Engine resumed {Count} active deployments")]
    public static partial void Resumed(ILogger logger, int count);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Error, Message = "Engine loop error; continuing")]
    public static partial void LoopError(ILogger logger, Exception exception);
}
