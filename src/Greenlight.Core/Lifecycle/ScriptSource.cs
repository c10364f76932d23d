namespace Greenlight.Core.Lifecycle;

/// <summary>
/// Which revision's AppSpec (and scripts) a step reads on the instance (codedeploy-semantics §2.1–2.2).
/// </summary>
public enum ScriptSource
{
    /// <summary>The step reads no AppSpec (service steps, DownloadBundle).</summary>
    None,

    /// <summary>The revision being deployed now.</summary>
    CurrentRevision,

    /// <summary>
    /// The deployment whose Install step last completed on this instance (<c>_last_successful_install</c>); when there
    /// is none the event is a no-op (e.g. ApplicationStop on an instance's first deployment).
    /// </summary>
    LastSuccessfulInstall,

    /// <summary>The most recent install on this instance (<c>_most_recent_install</c>), used by blue/green rollback of replacements.</summary>
    MostRecentInstall,
}
