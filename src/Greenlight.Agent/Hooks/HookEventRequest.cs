namespace Greenlight.Agent.Hooks;

/// <summary>The scripts of one lifecycle event and how to run them.</summary>
/// <param name="LifecycleEvent">Event name, for the host log (for example <c>ApplicationStart</c>).</param>
/// <param name="DeploymentId">Deployment id, for the host log.</param>
/// <param name="BundleRoot">The revision's root; every script must resolve (symlinks followed) inside it.</param>
/// <param name="Scripts">Run in this order; the first failure stops the event.</param>
public sealed record HookEventRequest(string LifecycleEvent, string DeploymentId, string BundleRoot, IReadOnlyList<HookScript> Scripts)
{
    /// <summary>
    /// Added to the agent's environment for every script (LIFECYCLE_EVENT, DEPLOYMENT_ID, APPLICATION_NAME, ...).
    /// Names must match <c>^[A-Z_][A-Z0-9_]*$</c>; values may not contain NUL. Values are never logged.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Working directory of the scripts; CodeDeploy uses <c>/</c> on Linux.</summary>
    public string WorkingDirectory { get; init; } = "/";

    /// <summary>Users <c>runas</c> may name (from the agent's local configuration); null allows any plain user name.</summary>
    public IReadOnlySet<string>? AllowedRunAsUsers { get; init; }

    /// <summary>
    /// How long to wait, after a script exits, for its stdout/stderr to close; and, on timeout or cancellation,
    /// between SIGTERM and SIGKILL.
    /// </summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Sequence number of the event's first output line (continue from a previous attempt's last one + 1).</summary>
    public long FirstSequence { get; init; } = 1;

    /// <summary>Called right after each script's process starts, so the caller can persist it for the restart path.</summary>
    public Action<HookProcessRecord>? ScriptStarted { get; init; }
}
