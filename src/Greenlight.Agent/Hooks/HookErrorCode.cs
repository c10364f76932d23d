namespace Greenlight.Agent.Hooks;

/// <summary>
/// Why a lifecycle event's scripts failed, with CodeDeploy's public names (<c>Diagnostics.errorCode</c>,
/// codedeploy-semantics.md §2.4). The wire name is <see cref="Enum.ToString()"/>.
/// </summary>
public enum HookErrorCode
{
    Success,

    /// <summary>The script does not exist, is not a regular file, or resolves outside the bundle root.</summary>
    ScriptMissing,

    /// <summary>Kept for the wire; never produced, since scripts run as <c>bash &lt;path&gt;</c> and need no execute bit.</summary>
    ScriptNotExecutable,

    ScriptTimedOut,

    /// <summary>A non-zero exit code, or a <c>runas</c> user the agent refuses.</summary>
    ScriptFailed,

    /// <summary>Cancelled, an invalid request (environment name, timeout), or the agent could not start the script.</summary>
    UnknownError,
}
