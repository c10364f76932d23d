namespace Greenlight.LoadBalancer.Routing;

/// <summary>A target group's round robin position, shared by every request of the group (kept across snapshot swaps).</summary>
internal sealed class RoundRobinCounter
{
    private int _value = -1;

    /// <summary>0, 1, 2, … (wrapping around as an unsigned number).</summary>
    public uint Next() => (uint)Interlocked.Increment(ref _value);
}
