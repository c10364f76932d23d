namespace Greenlight.Server.Fleet;

/// <summary>Wakes the fleet controller at once after a change (a new desired capacity, a completed hook) instead of at its next tick.</summary>
public sealed class FleetSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Poke()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already poked: one wake-up covers every change so far.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
