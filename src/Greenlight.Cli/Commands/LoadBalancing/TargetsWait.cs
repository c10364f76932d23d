namespace Greenlight.Cli.Commands.LoadBalancing;

/// <summary>
/// When <c>target-group targets --until</c> stops waiting. <c>healthy</c>: there is a target that is not draining, and every
/// target that is not draining is healthy (deregistered targets on their way out do not hold it up). <c>drained</c>: no
/// target is draining (deregistered targets are gone).
/// </summary>
internal static class TargetsWait
{
    public const string Healthy = "healthy";

    public const string Drained = "drained";

    /// <summary>Examples: healthy with [healthy, draining] is reached, with [healthy, initial] or [] not; drained with [healthy] is reached, with [draining] not.</summary>
    public static bool Reached(string until, IReadOnlyList<string> states) => until switch
    {
        Healthy => states.Any(s => s != "draining") && states.Where(s => s != "draining").All(s => s == "healthy"),
        Drained => states.All(s => s != "draining"),
        _ => throw new ArgumentOutOfRangeException(nameof(until), until, "healthy or drained"),
    };

    /// <summary>Why an <c>--until healthy</c> wait cannot end by itself: every target is unused, as no listener forwards to the group.</summary>
    public static bool Unused(IReadOnlyList<string> states) => states.Count > 0 && states.All(s => s == "unused");
}
