namespace Greenlight.Core.Lifecycle;

/// <summary>Who carries out a lifecycle step.</summary>
public enum LifecycleStepRunner
{
    /// <summary>The deployment service itself (Start, BlockTraffic, AllowTraffic, End).</summary>
    Service,

    /// <summary>The agent, without user scripts (DownloadBundle, Install).</summary>
    Agent,

    /// <summary>The agent runs the AppSpec's hook scripts for this event.</summary>
    Scripts,
}
