namespace Greenlight.Server.Fleet.Local;

/// <summary>
/// A local instance could not be launched: its bootstrap script failed or timed out, or its agent could not be
/// started. The message names the instance, the exit code and the log to read.
/// </summary>
public sealed class LaunchFailedException : Exception
{
    public LaunchFailedException(string instanceId, string message, int? exitCode = null, string? logPath = null, Exception? innerException = null)
        : base(message, innerException)
    {
        InstanceId = instanceId;
        ExitCode = exitCode;
        LogPath = logPath;
    }

    public string InstanceId { get; }

    /// <summary>The bootstrap script's exit code; null when it timed out or the failure was not the script's.</summary>
    public int? ExitCode { get; }

    /// <summary>The log that says what went wrong (bootstrap.log or agent.log in the sandbox), if any.</summary>
    public string? LogPath { get; }
}
