using Greenlight.LoadBalancer.Targets;

namespace Greenlight.LoadBalancer.Draining;

/// <summary>
/// Waits for a draining target: until its in-flight count reaches 0 or the deregistration delay passes, whichever comes
/// first. Cancelled when the target is registered again before that.
/// </summary>
internal static class DrainWaiter
{
    /// <summary>The outcome, or null when the wait was cancelled.</summary>
    public static async Task<DrainOutcome?> WaitAsync(Task idle, TimeSpan delay, TimeProvider time, CancellationToken cancellationToken)
    {
        if (idle.IsCompleted)
        {
            return DrainOutcome.Drained;
        }

        if (delay <= TimeSpan.Zero)
        {
            return DrainOutcome.DelayExpired;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var expired = Task.Delay(delay, time, stop.Token);
        var first = await Task.WhenAny(idle, expired).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        if (first == idle)
        {
            return DrainOutcome.Drained;
        }

        return expired.IsCanceled ? null : DrainOutcome.DelayExpired;
    }
}
