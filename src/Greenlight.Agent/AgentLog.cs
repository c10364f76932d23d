using Microsoft.Extensions.Logging;

namespace Greenlight.Agent;

/// <summary>The agent's log messages, each with a stable event id. No secret and no environment value is ever logged.</summary>
internal static partial class AgentLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Enrolled as {Instance}; credential stored in {Path}")]
    public static partial void Enrolled(ILogger logger, string instance, string path);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "{Event} of {DeploymentId} started")]
    public static partial void EventStarted(ILogger logger, string @event, string deploymentId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "{Event} of {DeploymentId} {Status}")]
    public static partial void EventFinished(ILogger logger, string @event, string deploymentId, string status);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Ticket {TicketKey} was running when the agent stopped: reported FailedAfterRestart")]
    public static partial void FailedAfterRestart(ILogger logger, string ticketKey);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Error, Message = "The server refused the agent: {Reason}")]
    public static partial void Refused(ILogger logger, string reason);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Poll failed; retrying")]
    public static partial void PollFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Error, Message = "{Event} of {DeploymentId} failed unexpectedly")]
    public static partial void EventCrashed(ILogger logger, Exception exception, string @event, string deploymentId);
}
