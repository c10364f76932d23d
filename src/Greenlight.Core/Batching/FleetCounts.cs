namespace Greenlight.Core.Batching;

/// <summary>How many instances are in each <see cref="InstanceProgress"/>.</summary>
public readonly record struct FleetCounts(int Pending, int InFlight, int Succeeded, int Failed)
{
    public int Total => Pending + InFlight + Succeeded + Failed;

    /// <summary>Healthy capacity if everything in flight fails: N − failed − inFlight (succeeded + not yet attempted).</summary>
    public int Available => Total - Failed - InFlight;

    /// <summary>Healthy now: N − failed (succeeded + not yet attempted; in-flight instances are counted healthy here).</summary>
    public int Healthy => Total - Failed;

    public static FleetCounts Of(IReadOnlyList<InstanceProgress> progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        int pending = 0, inFlight = 0, succeeded = 0, failed = 0;
        foreach (var p in progress)
        {
            switch (p)
            {
                case InstanceProgress.Pending: pending++; break;
                case InstanceProgress.InFlight: inFlight++; break;
                case InstanceProgress.Succeeded: succeeded++; break;
                case InstanceProgress.Failed: failed++; break;
                default: throw new ArgumentOutOfRangeException(nameof(progress), p, "Not an InstanceProgress.");
            }
        }

        return new(pending, inFlight, succeeded, failed);
    }
}
