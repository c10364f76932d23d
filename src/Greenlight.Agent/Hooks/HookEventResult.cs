namespace Greenlight.Agent.Hooks;

/// <summary>
/// Outcome of one lifecycle event: success, or the first failing script with CodeDeploy-style diagnostics.
/// </summary>
/// <param name="Code">Success or why the event failed.</param>
/// <param name="ScriptLocation">The failing script, relative to the bundle root (as in the appspec); null on success.</param>
/// <param name="ExitCode">Exit code of the failing script when it exited by itself.</param>
/// <param name="Message">CodeDeploy's wording, e.g. "Script at specified location: x run as user u failed with exit code 1".</param>
/// <param name="LogTail">About the last 4 KiB of the failing (or last) script's output, for diagnostics.</param>
/// <param name="LastSequence">Sequence number of the last line given to the sink (FirstSequence - 1 when none).</param>
public sealed record HookEventResult(HookErrorCode Code, string? ScriptLocation, int? ExitCode, string Message, string LogTail, long LastSequence)
{
    public bool Succeeded => Code == HookErrorCode.Success;
}
