using Greenlight.Contracts.V1;
using Greenlight.Server.Api;

namespace Greenlight.Server.Fleet;

/// <summary>Checks a scaling group's sizes, health check and hooks; every problem names the field.</summary>
public static class AutoScalingGroupValidation
{
    /// <summary>The most instances one local group may run (each is a process on this server's machine).</summary>
    public const int MaxSize = 50;

    public static ApiError? Sizes(int min, int max, int desired)
    {
        if (min < 0 || max < min || max > MaxSize)
        {
            return Invalid($"minSize {min} and maxSize {max} must satisfy 0 <= minSize <= maxSize <= {MaxSize}");
        }

        return desired < min || desired > max
            ? Invalid($"desiredCapacity {desired} must be between minSize {min} and maxSize {max}")
            : null;
    }

    public static ApiError? HealthCheck(string? type, int? grace) =>
        type is not (null or "AGENT" or "ELB")
            ? Invalid($"healthCheckType '{type}' must be AGENT or ELB")
            : grace is < 0 or > 7200
                ? Invalid($"healthCheckGracePeriod {grace} must be from 0 to 7200 seconds")
                : null;

    public static ApiError? Hook(string? name, PutLifecycleHookInput hook)
    {
        if (Names.Check("lifecycleHookName", name) is { } bad)
        {
            return bad;
        }

        if (name!.StartsWith(ManagedHooks.LaunchPrefix, StringComparison.Ordinal) || name.StartsWith(ManagedHooks.TerminatePrefix, StringComparison.Ordinal))
        {
            return Invalid($"lifecycle hook name '{name}' is reserved for the hooks deployment groups install");
        }

        if (hook.LifecycleTransition is not (LifecycleTransitions.Launching or LifecycleTransitions.Terminating))
        {
            return Invalid($"lifecycle hook '{name}': lifecycleTransition '{hook.LifecycleTransition}' must be {LifecycleTransitions.Launching} or {LifecycleTransitions.Terminating}");
        }

        if (hook.HeartbeatTimeout is < 1 or > 7200)
        {
            return Invalid($"lifecycle hook '{name}': heartbeatTimeout {hook.HeartbeatTimeout} must be from 1 to 7200 seconds");
        }

        return hook.DefaultResult is not (null or "CONTINUE" or "ABANDON")
            ? Invalid($"lifecycle hook '{name}': defaultResult '{hook.DefaultResult}' must be CONTINUE or ABANDON")
            : null;
    }

    /// <summary>targetGroupNames: each must name an existing target group, once.</summary>
    public static ApiError? TargetGroups(IReadOnlyList<string>? names, IReadOnlySet<string> existing)
    {
        for (var i = 0; i < (names?.Count ?? 0); i++)
        {
            if (!existing.Contains(names![i] ?? ""))
            {
                return Invalid($"targetGroupNames[{i}] '{names[i]}' does not exist; create the target group first");
            }

            if (names.Take(i).Contains(names[i]))
            {
                return Invalid($"targetGroupNames[{i}] '{names[i]}' is named twice");
            }
        }

        return null;
    }

    public static LifecycleHookInfo ToInfo(string name, PutLifecycleHookInput hook) =>
        new(name, hook.LifecycleTransition!, hook.HeartbeatTimeout ?? 3600, hook.DefaultResult ?? "ABANDON");

    private static ApiError Invalid(string message) => ApiErrors.Invalid("ValidationError", message);
}
