using Microsoft.Extensions.Logging;

namespace Greenlight.Server.Fleet.Local;

/// <summary>The local fleet provider's log messages (event ids 2101-2199). Never a credential.</summary>
internal static partial class LocalFleetLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Launched local instance {InstanceId} at {Address}: agent PID {Pid}, sandbox {Sandbox}")]
    public static partial void Launched(ILogger logger, string instanceId, string address, int pid, string sandbox);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Local instance {InstanceId} is already running (agent PID {Pid}): not launched again")]
    public static partial void AlreadyRunning(ILogger logger, string instanceId, int pid);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Launching local instance {InstanceId} failed: {Reason}")]
    public static partial void LaunchFailed(ILogger logger, string instanceId, string reason);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "The agent of local instance {InstanceId} (PID {Pid}) did not stop within {Seconds} s of SIGTERM: killed")]
    public static partial void AgentKilled(ILogger logger, string instanceId, int pid, double seconds);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Information, Message = "Killed {Count} processes left running by local instance {InstanceId}")]
    public static partial void LeftoversKilled(ILogger logger, string instanceId, int count);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Error, Message = "{Count} processes of local instance {InstanceId} are still alive after SIGKILL")]
    public static partial void LeftoversAlive(ILogger logger, string instanceId, int count);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Information, Message = "Terminated local instance {InstanceId}")]
    public static partial void Terminated(ILogger logger, string instanceId);

    [LoggerMessage(EventId = 2108, Level = LogLevel.Warning, Message = "The sandbox of local instance {InstanceId} could not be removed: {Reason}")]
    public static partial void SandboxNotRemoved(ILogger logger, string instanceId, string reason);

    [LoggerMessage(EventId = 2109, Level = LogLevel.Information, Message = "Stopped {Count} local instances (sandboxes kept)")]
    public static partial void StoppedAll(ILogger logger, int count);
}
