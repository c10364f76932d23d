using System.Collections.Immutable;

namespace Greenlight.Core.Batching;

/// <summary>Orders instances the way CodeDeploy schedules them: Unhealthy, Unknown, Old, Current.</summary>
public static class SchedulingOrder
{
    /// <summary>
    /// Sorts by <see cref="RevisionHealth"/> in scheduling order. Stable: instances with the same health keep their
    /// input order, so the caller's order (e.g. by instance id) breaks ties deterministically.
    /// </summary>
    public static ImmutableArray<T> Sort<T>(IEnumerable<T> instances, Func<T, RevisionHealth> health)
    {
        ArgumentNullException.ThrowIfNull(instances);
        ArgumentNullException.ThrowIfNull(health);
        return [.. instances.OrderBy(health)];
    }
}
