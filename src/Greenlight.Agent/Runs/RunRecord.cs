using Greenlight.Contracts.V1;

namespace Greenlight.Agent.Runs;

/// <summary>
/// What the agent knows about one ticket, persisted before anything is spawned: the ticket, whether it finished, its
/// result, the process of a running hook script (to clean up after a crash), the last log sequence, and whether the
/// server acknowledged the result.
/// </summary>
public sealed record RunRecord(
    AgentTicket Ticket,
    string State,
    DateTimeOffset StartedAt,
    string? Status = null,
    Diagnostics? Diagnostics = null,
    Hooks.HookProcessRecord? Process = null,
    bool Reported = false)
{
    public const string Started = "Started";
    public const string Finished = "Finished";

    public bool IsFinished => State == Finished;
}
