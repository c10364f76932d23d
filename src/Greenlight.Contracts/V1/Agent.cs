namespace Greenlight.Contracts.V1;

/// <summary>A command for an agent: run (or cancel) one lifecycle event of one deployment on this instance.</summary>
public sealed record AgentTicket(
    string TicketKey,
    string Kind,
    string DeploymentId,
    string InstanceName,
    string LifecycleEvent,
    int Attempt,
    string ScriptSource,
    string Revision);

public sealed record AgentTicketPage(IReadOnlyList<AgentTicket> Tickets);

/// <summary>What an agent reports for a ticket: Status InProgress | Succeeded | Failed.</summary>
public sealed record AgentReport(string? TicketKey, string? Status, Diagnostics? Diagnostics = null);

public sealed record AgentReportOutput(bool Accepted, string? Rejection);
