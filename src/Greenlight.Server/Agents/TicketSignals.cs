using System.Collections.Concurrent;

namespace Greenlight.Server.Agents;

/// <summary>
/// Wakes an instance's long poll as soon as a ticket for it is stored. A poll subscribes <em>before</em> it reads the
/// open tickets and then waits on that subscription: a ticket stored between the read and the wait still wakes it
/// (waiting first and subscribing then lost that wake-up, and the agent sat out its whole poll wait).
/// </summary>
public sealed class TicketSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);

    /// <summary>A task that completes at the next <see cref="Signal"/> for the instance.</summary>
    public Task Subscribe(string instance) =>
        _waiters.GetOrAdd(instance, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Waits for the subscription, the timeout or cancellation, whichever comes first; never throws for the timeout.</summary>
    public static Task WaitAsync(Task subscription, TimeSpan timeout, CancellationToken cancellationToken) =>
        subscription.WaitAsync(timeout, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);

    public void Signal(string instance)
    {
        if (_waiters.TryRemove(instance, out var waiter))
        {
            waiter.TrySetResult();
        }
    }
}
