using Greenlight.Contracts.V1;

namespace Greenlight.Server.Agents;

/// <summary>A stored agent ticket and where it stands: Pending, InProgress, Succeeded, Failed or Cancelled.</summary>
public sealed record TicketDocument(AgentTicket Ticket, string State)
{
    public const string Kind = "agent-ticket";

    public bool IsOpen => State is "Pending" or "InProgress";

    public static string KeyOf(string instance, string ticketKey) => instance + "/" + ticketKey;
}
