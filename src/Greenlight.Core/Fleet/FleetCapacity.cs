namespace Greenlight.Core.Fleet;

/// <summary>How many instances a group should run, and which instances count as running.</summary>
/// <remarks>
/// Worked examples of <see cref="Target"/> (min, max, desired → target), pinned by FleetCapacityTests:
/// (1, 5, 3) → 3; (1, 5, 9) → 5; (2, 5, 0) → 2; (0, 0, 4) → 0. A spec with min above max gets max (the maximum is
/// never exceeded), and a negative result counts as 0.
/// </remarks>
public static class FleetCapacity
{
    /// <summary>clamp(DesiredCapacity, MinSize, MaxSize), never below 0, never above MaxSize.</summary>
    public static int Target(ScalingGroupSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Math.Max(0, Math.Min(Math.Max(spec.DesiredCapacity, spec.MinSize), spec.MaxSize));
    }

    /// <summary>Pending, Pending:Wait and InService instances count toward capacity; the terminating ones do not.</summary>
    public static bool IsLive(LifecycleState state) =>
        state is LifecycleState.Pending or LifecycleState.PendingWait or LifecycleState.InService;

    /// <summary>"desired capacity 4", with the bound that moved it when the target differs (e.g. "desired capacity 9 (max size 5)").</summary>
    public static string Describe(ScalingGroupSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var target = Target(spec);
        var bound = target == spec.DesiredCapacity ? ""
            : target == spec.MaxSize ? $" (max size {spec.MaxSize})"
            : target == spec.MinSize ? $" (min size {spec.MinSize})"
            : $" (capacity {target})";
        return FormattableString.Invariant($"desired capacity {spec.DesiredCapacity}{bound}");
    }
}
