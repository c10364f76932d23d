using System.Collections.Concurrent;

namespace Greenlight.Server.Agents;

/// <summary>Wakes an instance's long poll as soon as a ticket for it is stored.</summary>
public sealed class TicketSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);

    public Task WaitAsync(string instance, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waiter = _waiters.GetOrAdd(instance, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        return waiter.Task.WaitAsync(timeout, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public void Signal(string instance)
    {
        if (_waiters.TryRemove(instance, out var waiter))
        {
            waiter.TrySetResult();
        }
    }
}
