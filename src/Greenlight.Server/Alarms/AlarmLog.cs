using Microsoft.Extensions.Logging;

namespace Greenlight.Server.Alarms;

/// <summary>The alarms' log events (8001-8049).</summary>
internal static partial class AlarmLog
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Alarm {Alarm}: {OldState} -> {NewState}: {Reason}")]
    public static partial void StateChanged(ILogger logger, string alarm, string oldState, string newState, string reason);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Warning, Message = "Alarm {Alarm}: its source could not be read: {Detail}")]
    public static partial void PollFailed(ILogger logger, string alarm, string detail);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Information, Message = "Deployment {DeploymentId}: told {Observation} of alarm {Alarm} ({Outcome})")]
    public static partial void Fed(ILogger logger, string deploymentId, string observation, string alarm, string outcome);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Error, Message = "Alarm evaluation pass failed; trying again at the next tick")]
    public static partial void PassFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 8005, Level = LogLevel.Error, Message = "Alarm {Alarm}: evaluation failed")]
    public static partial void EvaluationFailed(ILogger logger, Exception exception, string alarm);

    [LoggerMessage(EventId = 8006, Level = LogLevel.Information, Message = "Alertmanager webhook: {Matched} alert(s) set alarms, {Unmatched} matched no alarm")]
    public static partial void Webhook(ILogger logger, int matched, int unmatched);

    [LoggerMessage(EventId = 8007, Level = LogLevel.Error, Message = "Telling deployments about alarm {Alarm} failed")]
    public static partial void FeedFailed(ILogger logger, Exception exception, string alarm);
}
