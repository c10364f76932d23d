namespace Greenlight.Core.Lifecycle;

/// <summary>Facts about single lifecycle events (codedeploy-semantics §2.1).</summary>
public static class LifecycleEventInfo
{
    /// <summary>
    /// True for the events that run AppSpec hook scripts (the names an AppSpec <c>hooks</c> section may use):
    /// BeforeBlockTraffic, AfterBlockTraffic, ApplicationStop, BeforeInstall, AfterInstall, ApplicationStart,
    /// ValidateService, BeforeAllowTraffic, AfterAllowTraffic. Start, BlockTraffic, AllowTraffic and End belong to the
    /// service; DownloadBundle and Install to the agent.
    /// </summary>
    public static bool IsScriptable(LifecycleEvent lifecycleEvent) => lifecycleEvent switch
    {
        LifecycleEvent.BeforeBlockTraffic or LifecycleEvent.AfterBlockTraffic or LifecycleEvent.ApplicationStop
            or LifecycleEvent.BeforeInstall or LifecycleEvent.AfterInstall or LifecycleEvent.ApplicationStart
            or LifecycleEvent.ValidateService or LifecycleEvent.BeforeAllowTraffic or LifecycleEvent.AfterAllowTraffic => true,
        _ => false,
    };

    /// <summary>Who runs the event: the service, the agent alone, or the agent running hook scripts.</summary>
    public static LifecycleStepRunner RunnerOf(LifecycleEvent lifecycleEvent) => lifecycleEvent switch
    {
        LifecycleEvent.Start or LifecycleEvent.BlockTraffic or LifecycleEvent.AllowTraffic or LifecycleEvent.End
            => LifecycleStepRunner.Service,
        LifecycleEvent.DownloadBundle or LifecycleEvent.Install => LifecycleStepRunner.Agent,
        _ => LifecycleStepRunner.Scripts,
    };

    /// <summary>All events an AppSpec may hook, in canonical order.</summary>
    public static IReadOnlyList<LifecycleEvent> Scriptable { get; } =
        [.. Enum.GetValues<LifecycleEvent>().Where(IsScriptable)];
}
