using Microsoft.Extensions.Logging;

namespace Greenlight.Server.Hosting;

internal static partial class ServerLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Critical, Message = "Crash point {Name} reached: killing the server (test profile)")]
    public static partial void CrashPoint(ILogger logger, string name);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Checking agent heartbeats failed; trying again at the next tick")]
    public static partial void HeartbeatCheckFailed(ILogger logger, Exception exception);
}
