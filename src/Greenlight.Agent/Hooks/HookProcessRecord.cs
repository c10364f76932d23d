namespace Greenlight.Agent.Hooks;

/// <summary>
/// Identifies a running script's process tree well enough to kill what is left of it after an agent restart
/// (<see cref="HookRunner.KillLeftoversAsync"/>): the script's pid (also its process group and session id, since it
/// runs under <c>setsid</c>), the pid's start time in clock ticks since boot (field 22 of <c>/proc/pid/stat</c>,
/// so a reused pid is not mistaken for it; 0 when the script had already exited and been reaped when it was read), and the run marker placed in the environment of every process of
/// the tree (<see cref="HookRunner.RunMarkerVariable"/>). Persist it as soon as
/// <see cref="HookEventRequest.ScriptStarted"/> reports it.
/// </summary>
public sealed record HookProcessRecord(int Pid, long StartTime, string RunMarker);
