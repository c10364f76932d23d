namespace Greenlight.Core.Fleet;

/// <summary>When a lifecycle hook holds an instance: on launch (Pending:Wait) or on termination (Terminating:Wait).</summary>
public enum HookTransition
{
    Launching,
    Terminating,
}
