using Greenlight.Server.Agents;

namespace Greenlight.Server.Tests.Agents;

/// <summary>
/// The long poll's wake-up: a ticket stored after the poll read the open tickets but before it began to wait must
/// still wake it. The poll subscribes first, so the signal completes the subscription it then waits on.
/// </summary>
public sealed class TicketSignalsTests
{
    [Fact]
    public async Task Signal_BetweenSubscribeAndWait_WakesTheWaitAtOnce()
    {
        var signals = new TicketSignals();

        var subscription = signals.Subscribe("i-1");
        signals.Signal("i-1");
        var wait = TicketSignals.WaitAsync(subscription, TimeSpan.FromMinutes(5), CancellationToken.None);

        Assert.True(subscription.IsCompletedSuccessfully);
        await wait;
    }

    [Fact]
    public void Signal_ForAnotherInstance_LeavesTheSubscriptionWaiting()
    {
        var signals = new TicketSignals();

        var subscription = signals.Subscribe("i-1");
        signals.Signal("i-2");

        Assert.False(subscription.IsCompleted);
    }

    [Fact]
    public void Subscribe_AfterASignal_WaitsForTheNextOne()
    {
        var signals = new TicketSignals();
        signals.Subscribe("i-1");
        signals.Signal("i-1");

        var next = signals.Subscribe("i-1");

        Assert.False(next.IsCompleted);
    }
}
