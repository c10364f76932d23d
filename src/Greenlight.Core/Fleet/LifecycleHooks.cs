using System.Collections.Immutable;

namespace Greenlight.Core.Fleet;

/// <summary>
/// The hooks an instance waits on and their answers. A hook's answer is the one given (HookResults[name]); a hook
/// without one whose HeartbeatTimeout has passed since the wait began (StateSince) takes its DefaultContinue; otherwise
/// it is still open (null).
/// </summary>
internal static class LifecycleHooks
{
    public static ImmutableArray<ScalingHook> Of(ScalingGroupSpec spec, HookTransition transition) =>
        spec.Hooks.IsDefault ? [] : [.. spec.Hooks.Where(h => h is not null && h.Transition == transition)];

    public static bool? Answer(ScalingHook hook, FleetInstance instance, DateTimeOffset now) =>
        Given(hook, instance) ?? (now >= Deadline(hook, instance) ? hook.DefaultContinue : null);

    /// <summary>The answer completed by someone, if any (not a default from a timeout).</summary>
    public static bool? Given(ScalingHook hook, FleetInstance instance) =>
        hook.Name is not null && instance.HookResults is { } results && results.TryGetValue(hook.Name, out var answer)
            ? answer
            : null;

    public static DateTimeOffset Deadline(ScalingHook hook, FleetInstance instance) =>
        Moments.After(instance.StateSince, hook.HeartbeatTimeout);
}
