using Greenlight.Contracts.V1;
using Greenlight.Engine.Storage;
using Greenlight.Server.Api;

namespace Greenlight.Server.Agents;

/// <summary>
/// The full output of each ticket, streamed by the agent with increasing sequence numbers. A line at or below the
/// stored cursor was received before and is dropped, so a resent report never stores a line twice.
/// </summary>
public sealed class TicketLogs(IGreenlightStore store, TimeProvider time)
{
    public const string Kind = "ticket-log";

    /// <summary>Appends the new lines; returns the cursor (the highest sequence stored).</summary>
    public async Task<long> AppendAsync(string ticketKey, IReadOnlyList<AgentLogLine> lines, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var stored = await store.GetResourceAsync(Kind, ticketKey, cancellationToken);
            var log = stored is null ? new TicketLog(ticketKey, []) : Documents.Read<TicketLog>(stored.Body);
            var cursor = log.Lines.Count == 0 ? 0 : log.Lines[^1].Sequence;
            var fresh = lines.Where(l => l.Sequence > cursor).OrderBy(l => l.Sequence).ToList();
            if (fresh.Count == 0)
            {
                return cursor;
            }

            try
            {
                await store.PutResourceAsync(Kind, ticketKey, Documents.Write(log with { Lines = [.. log.Lines, .. fresh] }), stored?.Version ?? 0,
                    new AuditEntry(time.GetUtcNow(), "agent-protocol", "AppendTicketLog", ticketKey, $"{fresh.Count} lines"), cancellationToken);
                return fresh[^1].Sequence;
            }
            catch (StoreConflictException)
            {
                // Another report of the same ticket wrote meanwhile: read again.
            }
        }

        throw new InvalidOperationException($"ticket log {ticketKey}: too many concurrent writers");
    }

    /// <summary>The logs of every ticket of an instance in a deployment, in ticket order.</summary>
    public async Task<IReadOnlyList<TicketLog>> ForTargetAsync(string deploymentId, string instance, CancellationToken cancellationToken) =>
    [
        .. (await store.ListResourcesAsync(Kind, $"{deploymentId}/{instance}/", cancellationToken))
            .OrderBy(r => r.CreatedAt).Select(r => Documents.Read<TicketLog>(r.Body)),
    ];
}
