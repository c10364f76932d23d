namespace Greenlight.LoadBalancer.Metrics;

/// <summary>
/// Counters per second for the last <see cref="Seconds"/> seconds, in a ring indexed by the Unix second modulo its size.
/// A slot is replaced (not cleared) when a newer second reaches it, without a lock: writers of the old second keep
/// writing into the old row, which nobody reads any more. A write for a second older than its slot's is dropped.
/// </summary>
internal sealed class SecondBuckets
{
    public const int Seconds = 900;

    private readonly Slot?[] _slots = new Slot?[Seconds];

    /// <summary>The row of <paramref name="second"/> to increment with Interlocked, or null when that second has left the ring.</summary>
    public long[]? Row(long second)
    {
        var index = (int)(((second % Seconds) + Seconds) % Seconds);
        while (true)
        {
            var slot = Volatile.Read(ref _slots[index]);
            if (slot is not null && slot.Second == second)
            {
                return slot.Values;
            }

            if (slot is not null && slot.Second > second)
            {
                return null;
            }

            var fresh = new Slot(second);
            if (ReferenceEquals(Interlocked.CompareExchange(ref _slots[index], fresh, slot), slot))
            {
                return fresh.Values;
            }
        }
    }

    /// <summary>Adds the rows of every second in [<paramref name="fromSecond"/>, <paramref name="toSecond"/>) to <paramref name="into"/>.</summary>
    public void Merge(long fromSecond, long toSecond, Span<long> into)
    {
        foreach (var slot in _slots)
        {
            var current = slot;
            if (current is null || current.Second < fromSecond || current.Second >= toSecond)
            {
                continue;
            }

            for (var i = 0; i < into.Length; i++)
            {
                into[i] += Volatile.Read(ref current.Values[i]);
            }
        }
    }

    private sealed class Slot(long second)
    {
        public long Second { get; } = second;

        public long[] Values { get; } = new long[TrafficField.Count];
    }
}
