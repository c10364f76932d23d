namespace Greenlight.Core.Fleet;

/// <summary>
/// A lifecycle hook: an instance entering <see cref="Transition"/> waits until the hook is completed or
/// <see cref="HeartbeatTimeout"/> has passed since it started waiting; then <see cref="DefaultContinue"/> applies.
/// A termination hook never prevents the termination: either answer ends the wait.
/// </summary>
public sealed record ScalingHook(string Name, HookTransition Transition, TimeSpan HeartbeatTimeout, bool DefaultContinue);
