using System.Collections.Concurrent;
using Greenlight.Agent.Events;
using Greenlight.Agent.Protocol;
using Greenlight.Agent.Runs;
using Greenlight.Contracts.V1;
using Microsoft.Extensions.Logging;

namespace Greenlight.Agent;

/// <summary>
/// The agent's loop (Octopus Tentacle's ticketed script service, habit 8): enroll once, then long-poll for tickets.
/// A ticket is recorded on disk as Started before anything runs; starting it again returns the existing run; its
/// result is recorded, then reported until the server acknowledges it. After a restart, a ticket left Started is
/// reported Failed with FailedAfterRestart (never guessed as success) and its leftover processes are killed.
/// One lifecycle event at a time per deployment group on this host.
/// </summary>
public sealed class AgentRunner(AgentOptions options, AgentClient client, IReadOnlyList<IEventHandler> handlers, ILogger logger)
{
    private readonly RunStore _runs = new(options.RunsDirectory);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _groups = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<Task> _work = [];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await EnsureCredentialAsync(cancellationToken);
        await RecoverAsync(cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            AgentTicketPage page;
            try
            {
                page = await client.PollAsync(options.InstanceName, options.PollWait, cancellationToken);
            }
            catch (AgentRefusedException e)
            {
                AgentLog.Refused(logger, e.Message);
                throw;
            }
            catch (Exception e) when (e is InvalidOperationException or HttpRequestException)
            {
                AgentLog.PollFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                continue;
            }

            foreach (var ticket in page.Tickets)
            {
                Accept(ticket, cancellationToken);
            }
        }
    }

    /// <summary>Waits for the tickets started by this runner (for tests and orderly shutdown).</summary>
    public Task DrainAsync() => Task.WhenAll(_work);

    private async Task EnsureCredentialAsync(CancellationToken cancellationToken)
    {
        if (Contracts.AgentCredentialFile.Read(options.CredentialPath) is { Length: > 0 } credential)
        {
            client.UseCredential(credential);
            return;
        }

        if (options.EnrollmentToken is null)
        {
            throw new AgentRefusedException($"no credential in {options.CredentialPath} and no enrollment token: start the agent once with --token ENROLLMENT_TOKEN");
        }

        var tags = options.Tags.Select(t => new Tag(t.Key, t.Value)).ToList();
        EnrollOutput enrolled;
        try
        {
            enrolled = await client.EnrollAsync(new EnrollInput(options.EnrollmentToken, options.InstanceName, tags, options.Address), cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            throw new AgentRefusedException("enrollment refused: " + e.Message);
        }

        Contracts.AgentCredentialFile.Write(options.CredentialPath, enrolled.Credential);
        client.UseCredential(enrolled.Credential);
        AgentLog.Enrolled(logger, enrolled.InstanceName, options.CredentialPath);
    }

    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        foreach (var run in _runs.All().Where(r => !r.Reported))
        {
            var record = run;
            if (!run.IsFinished)
            {
                if (run.Process is { } process)
                {
                    await Hooks.HookRunner.KillLeftoversAsync(process, TimeSpan.FromSeconds(2));
                }

                if (run.Ticket.LifecycleEvent == "DownloadBundle")
                {
                    DownloadBundleHandler.CleanUpInterrupted(options, run.Ticket);
                }

                AgentLog.FailedAfterRestart(logger, run.Ticket.TicketKey);
                record = run with
                {
                    State = RunRecord.Finished,
                    Status = "Failed",
                    Diagnostics = new Diagnostics("FailedAfterRestart", null, "the agent restarted while this event was running; its processes were stopped", null),
                };
                _runs.Save(record);
            }

            await ReportFinalAsync(record, new ReportBuffer(), cancellationToken);
        }
    }

    private void Accept(AgentTicket ticket, CancellationToken cancellationToken)
    {
        if (ticket.Kind == "cancel")
        {
            var target = Core.Deployments.CommandKey.ForEvent(ticket.DeploymentId, ticket.InstanceName,
                Enum.Parse<Core.Lifecycle.LifecycleEvent>(ticket.LifecycleEvent), ticket.Attempt);
            if (_running.TryGetValue(target, out var running))
            {
                running.Cancel();
            }

            return;
        }

        if (_running.ContainsKey(ticket.TicketKey))
        {
            return; // Already running here: starting a ticket twice returns the existing run.
        }

        if (_runs.Get(ticket.TicketKey) is { IsFinished: true } finished)
        {
            _work.Add(Task.Run(() => ReportFinalAsync(finished, new ReportBuffer(), cancellationToken), cancellationToken));
            return;
        }

        var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (!_running.TryAdd(ticket.TicketKey, cancel))
        {
            cancel.Dispose();
            return;
        }

        _runs.Save(new RunRecord(ticket, RunRecord.Started, DateTimeOffset.UtcNow));
        _work.Add(Task.Run(() => ExecuteAsync(ticket, cancel), cancellationToken));
    }

    private async Task ExecuteAsync(AgentTicket ticket, CancellationTokenSource cancel)
    {
        var gate = _groups.GetOrAdd(ticket.DeploymentGroupId, _ => new SemaphoreSlim(1, 1));
        var buffer = new ReportBuffer();
        RunRecord record;
        await gate.WaitAsync(cancel.Token);
        try
        {
            await client.ReportAsync(new AgentReport(ticket.TicketKey, "InProgress"), cancel.Token);
            AgentLog.EventStarted(logger, ticket.LifecycleEvent, ticket.DeploymentId);
            using var streaming = new CancellationTokenSource();
            var flusher = StreamLogsAsync(ticket, buffer, streaming.Token);
            var outcome = await RunHandlerAsync(ticket, buffer, cancel.Token);
            await streaming.CancelAsync();
            await flusher;
            record = (_runs.Get(ticket.TicketKey) ?? new RunRecord(ticket, RunRecord.Started, DateTimeOffset.UtcNow)) with
            {
                State = RunRecord.Finished,
                Status = outcome.Succeeded ? "Succeeded" : "Failed",
                Diagnostics = outcome.Diagnostics,
            };
            _runs.Save(record);
            AgentLog.EventFinished(logger, ticket.LifecycleEvent, ticket.DeploymentId, record.Status!);
        }
        finally
        {
            gate.Release();
            _running.TryRemove(ticket.TicketKey, out _);
            cancel.Dispose();
        }

        await ReportFinalAsync(record, buffer, CancellationToken.None);
    }

    private async Task<EventOutcome> RunHandlerAsync(AgentTicket ticket, ReportBuffer buffer, CancellationToken cancellationToken)
    {
        if (handlers.FirstOrDefault(h => h.Handles(ticket.LifecycleEvent)) is not { } handler)
        {
            return EventOutcome.Failure("UnknownError", $"this agent cannot run {ticket.LifecycleEvent}");
        }

        try
        {
            return await handler.RunAsync(ticket, buffer, process => _runs.Save(_runs.Get(ticket.TicketKey)! with { Process = process }), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return EventOutcome.Failure("UnknownError", "cancelled: the deployment stopped");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or HttpRequestException or InvalidDataException)
        {
            AgentLog.EventCrashed(logger, e, ticket.LifecycleEvent, ticket.DeploymentId);
            return EventOutcome.Failure("UnknownError", e.Message);
        }
    }

    /// <summary>While the event runs, sends its new output lines every second; the server's cursor drops what it stored.</summary>
    private async Task StreamLogsAsync(AgentTicket ticket, ReportBuffer buffer, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                if (buffer.Pending() is { Count: > 0 } lines)
                {
                    var output = await client.ReportAsync(new AgentReport(ticket.TicketKey, "InProgress", null, lines), stop);
                    buffer.Acknowledge(output.LogCursor);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The event ended: the final report carries what is left.
        }
    }

    /// <summary>Sends the result (and any unsent lines) until the server acknowledges it; then marks it reported.</summary>
    private async Task ReportFinalAsync(RunRecord record, ReportBuffer buffer, CancellationToken cancellationToken)
    {
        var output = await client.ReportAsync(new AgentReport(record.Ticket.TicketKey, record.Status, record.Diagnostics, buffer.Pending()), cancellationToken);
        buffer.Acknowledge(output.LogCursor);
        _runs.Save(record with { Reported = true });
    }
}
