using System.Collections.Concurrent;

namespace Greenlight.Server.Fleet.Local;

/// <summary>One gate per instance id, so a launch and a terminate of the same instance take turns; different instances don't wait for each other.</summary>
internal sealed class InstanceGates
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    public async Task<IDisposable> EnterAsync(string instanceId, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(instanceId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(gate);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
