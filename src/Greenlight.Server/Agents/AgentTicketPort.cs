using Greenlight.Contracts.V1;
using Greenlight.Core.Deployments;
using Greenlight.Engine.Ports;
using Greenlight.Engine.Storage;
using Greenlight.Server.Api;

namespace Greenlight.Server.Agents;

/// <summary>
/// Hands lifecycle events to agents as durable tickets. Storing a ticket is idempotent by its key (a second dispatch
/// after a crash finds it), so an agent gets each ticket once however often the engine dispatches it; the agent
/// picks tickets up by long poll and reports back through <see cref="AgentApi"/>.
/// </summary>
public sealed class AgentTicketPort(IGreenlightStore store, TicketSignals signals, TimeProvider time) : ICommandPort
{
    public bool Handles(Command command) => command is RunLifecycleEvent or CancelLifecycleEvent;

    public async Task ExecuteAsync(string deploymentId, Command command, CancellationToken cancellationToken)
    {
        switch (command)
        {
            case RunLifecycleEvent run:
                var ticket = await DescribeAsync(deploymentId, run, cancellationToken);
                await PutOnceAsync(run.InstanceId, new TicketDocument(ticket, "Pending"), cancellationToken);
                signals.Signal(run.InstanceId);
                break;
            case CancelLifecycleEvent cancel:
                var target = CommandKey.ForEvent(deploymentId, cancel.InstanceId, cancel.Event, cancel.Attempt);
                await MarkAsync(cancel.InstanceId, target, "Cancelled", cancellationToken);
                var cancelTicket = new AgentTicket(cancel.Key, "cancel", deploymentId, cancel.InstanceId, cancel.Event.ToString(), cancel.Attempt, "None", "");
                await PutOnceAsync(cancel.InstanceId, new TicketDocument(cancelTicket, "Pending"), cancellationToken);
                signals.Signal(cancel.InstanceId);
                break;
            default:
                throw new ArgumentException($"not an agent command: {command.GetType().Name}", nameof(command));
        }
    }

    /// <summary>The ticket with what the agent needs: application, group, bundle type, file_exists_behavior.</summary>
    private async Task<AgentTicket> DescribeAsync(string deploymentId, RunLifecycleEvent run, CancellationToken cancellationToken)
    {
        var ticket = new AgentTicket(run.Key, "run", deploymentId, run.InstanceId, run.Event.ToString(), run.Attempt, run.ScriptSource.ToString(), run.Revision);
        if (await store.GetDeploymentAsync(deploymentId, cancellationToken) is not { } deployment)
        {
            return ticket;
        }

        var group = await store.GetResourceAsync(ResourceKinds.DeploymentGroup, DeploymentGroupsApi.Key(deployment.Application, deployment.DeploymentGroup), cancellationToken);
        var revision = await store.GetRevisionAsync(deployment.Application, run.Revision, cancellationToken);
        var state = Engine.Running.EngineJson.ReadState(deployment.StateJson);
        return ticket with
        {
            ApplicationName = deployment.Application,
            DeploymentGroupName = deployment.DeploymentGroup,
            DeploymentGroupId = group is null ? deployment.DeploymentGroup : Documents.Read<DeploymentGroupInfo>(group.Body).DeploymentGroupId,
            BundleType = revision?.BundleType ?? "zip",
            FileExistsBehavior = state.Spec.FileExistsBehavior,
            IgnoreApplicationStopFailures = state.Spec.IgnoreApplicationStopFailures,
        };
    }

    /// <summary>Open tickets of an instance, oldest first.</summary>
    public async Task<IReadOnlyList<TicketDocument>> OpenAsync(string instance, CancellationToken cancellationToken) =>
    [
        .. (await store.ListResourcesAsync(TicketDocument.Kind, instance + "/", cancellationToken))
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => Documents.Read<TicketDocument>(r.Body)).Where(t => t.IsOpen),
    ];

    public async Task<TicketDocument?> FindAsync(string instance, string ticketKey, CancellationToken cancellationToken) =>
        await store.GetResourceAsync(TicketDocument.Kind, TicketDocument.KeyOf(instance, ticketKey), cancellationToken) is { } stored
            ? Documents.Read<TicketDocument>(stored.Body)
            : null;

    /// <summary>Moves a ticket to a new state; false if it is gone or no longer open.</summary>
    public async Task<bool> MarkAsync(string instance, string ticketKey, string state, CancellationToken cancellationToken)
    {
        var key = TicketDocument.KeyOf(instance, ticketKey);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await store.GetResourceAsync(TicketDocument.Kind, key, cancellationToken) is not { } stored)
            {
                return false;
            }

            var doc = Documents.Read<TicketDocument>(stored.Body);
            if (!doc.IsOpen)
            {
                return false;
            }

            try
            {
                await store.PutResourceAsync(TicketDocument.Kind, key, Documents.Write(doc with { State = state }), stored.Version,
                    new AuditEntry(time.GetUtcNow(), "agent-protocol", "Ticket" + state, key), cancellationToken);
                return true;
            }
            catch (StoreConflictException e) when (e.Code == "VersionConflict")
            {
                // Someone else moved it meanwhile: read it again.
            }
        }

        return false;
    }

    private async Task PutOnceAsync(string instance, TicketDocument doc, CancellationToken cancellationToken)
    {
        try
        {
            await store.PutResourceAsync(TicketDocument.Kind, TicketDocument.KeyOf(instance, doc.Ticket.TicketKey), Documents.Write(doc), 0,
                new AuditEntry(time.GetUtcNow(), "engine", "IssueTicket", doc.Ticket.TicketKey), cancellationToken);
        }
        catch (StoreConflictException e) when (e.Code == "AlreadyExists")
        {
            // Dispatched before (e.g. before a crash): the ticket is already there, and only once.
        }
    }
}
