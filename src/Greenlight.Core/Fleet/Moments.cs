namespace Greenlight.Core.Fleet;

/// <summary>
/// Deadlines that never throw: <c>t + span</c> saturates at <see cref="DateTimeOffset.MinValue"/> and
/// <see cref="DateTimeOffset.MaxValue"/>, so a huge timeout means "never" instead of an overflow.
/// </summary>
internal static class Moments
{
    public static DateTimeOffset After(DateTimeOffset start, TimeSpan span)
    {
        var ticks = start.UtcTicks;
        if (span.Ticks > 0 && span.Ticks > DateTimeOffset.MaxValue.UtcTicks - ticks)
        {
            return DateTimeOffset.MaxValue;
        }

        if (span.Ticks < 0 && span.Ticks < DateTimeOffset.MinValue.UtcTicks - ticks)
        {
            return DateTimeOffset.MinValue;
        }

        return new DateTimeOffset(ticks + span.Ticks, TimeSpan.Zero);
    }

    /// <summary>The first moment strictly after <paramref name="start"/> + <paramref name="span"/> (for "longer than" rules).</summary>
    public static DateTimeOffset JustAfter(DateTimeOffset start, TimeSpan span) =>
        After(After(start, span), TimeSpan.FromTicks(1));
}
