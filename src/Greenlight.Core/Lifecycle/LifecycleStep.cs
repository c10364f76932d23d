namespace Greenlight.Core.Lifecycle;

/// <summary>One step of an instance's lifecycle plan: the event, who runs it, and which revision's AppSpec it reads.</summary>
public sealed record LifecycleStep(LifecycleEvent Event, LifecycleStepRunner RunBy, ScriptSource Scripts)
{
    /// <summary>True when the step runs the user's AppSpec hook scripts.</summary>
    public bool RunsUserScripts => RunBy == LifecycleStepRunner.Scripts;
}
