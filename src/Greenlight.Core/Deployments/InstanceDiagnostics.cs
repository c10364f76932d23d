namespace Greenlight.Core.Deployments;

/// <summary>
/// Why an event failed on an instance (CodeDeploy's Diagnostics): a stable error code
/// (Success, ScriptMissing, ScriptNotExecutable, ScriptTimedOut, ScriptFailed, UnknownError, OutputsLeftOpen,
/// FailedAfterRestart, or Greenlight's EventStartTimedOut, InstanceLost, Cancelled, HealthCheckTimedOut, DrainTimedOut),
/// the script, a message and the tail of its log.
/// </summary>
public sealed record InstanceDiagnostics(string ErrorCode, string Message, string? ScriptName = null, string? LogTail = null);
