using Greenlight.Contracts.V1;

namespace Greenlight.Agent.Events;

/// <summary>Runs one lifecycle event of a ticket on this host.</summary>
public interface IEventHandler
{
    bool Handles(string lifecycleEvent);

    Task<EventOutcome> RunAsync(AgentTicket ticket, ILogSink log, Action<Hooks.HookProcessRecord> processStarted, CancellationToken cancellationToken);
}
