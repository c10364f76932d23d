namespace Greenlight.Agent.Hooks;

/// <summary>
/// One script of a lifecycle event. <paramref name="Path"/> is absolute (the caller resolved the appspec
/// <c>location</c> against the bundle root); the runner checks it again before running it.
/// </summary>
/// <param name="Path">Absolute path of a regular file inside the bundle root.</param>
/// <param name="TimeoutSeconds">Per-script timeout; CodeDeploy's default is 3600. Values outside 1..<see cref="MaxTimeoutSeconds"/> are refused.</param>
/// <param name="RunAs">User to run as (<c>runuser -u</c>), or null for the agent's own user.</param>
public sealed record HookScript(string Path, int TimeoutSeconds = HookScript.DefaultTimeoutSeconds, string? RunAs = null)
{
    public const int DefaultTimeoutSeconds = 3600;

    /// <summary>One day: CodeDeploy has no upper bound per script, but its service gives up on an event after about 70 minutes.</summary>
    public const int MaxTimeoutSeconds = 86_400;
}
