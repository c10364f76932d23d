using System.Collections.Concurrent;
using System.Net.Http.Json;
using Greenlight.Contracts.V1;

namespace Greenlight.Testing;

/// <summary>
/// A fake agent for engine and server tests: it speaks the real HTTP agent protocol for one or more instances,
/// runs nothing, and answers each ticket as <see cref="Outcome"/> says. It counts how many times it executed each
/// ticket key, so tests can prove a command was executed at most once, across server crashes too.
/// A run ticket it already executed is reported again (a lost report is resent) but never executed twice.
/// </summary>
public sealed class ScriptedAgent(ApiClient client, IReadOnlyList<string> instances)
{
    private readonly ConcurrentDictionary<string, int> _executions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _results = new(StringComparer.Ordinal);

    /// <summary>Whether a ticket's event succeeds; default all succeed.</summary>
    public Func<AgentTicket, bool> Outcome { get; set; } = _ => true;

    public IReadOnlyDictionary<string, int> Executions => _executions;

    /// <summary>Polls once for every instance and answers what it gets; returns how many tickets it answered.</summary>
    public async Task<int> StepAsync(int waitSeconds = 0)
    {
        var answered = 0;
        foreach (var instance in instances)
        {
            AgentTicketPage? page;
            try
            {
                page = await client.Http.GetFromJsonAsync<AgentTicketPage>($"api/v1/agent/tickets?instanceName={instance}&waitSeconds={waitSeconds}", ApiClient.Json);
            }
            catch (HttpRequestException)
            {
                return answered; // The server is down (a crash test): try again later.
            }

            foreach (var ticket in page?.Tickets ?? [])
            {
                answered += await AnswerAsync(ticket) ? 1 : 0;
            }
        }

        return answered;
    }

    /// <summary>Keeps stepping until <paramref name="done"/> or the deadline; the agent's own loop.</summary>
    public async Task RunUntilAsync(Func<Task<bool>> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the scripted agent gave up after {timeout}");
            }

            if (await StepAsync() == 0)
            {
                await Task.Delay(25);
            }
        }
    }

    private async Task<bool> AnswerAsync(AgentTicket ticket)
    {
        if (ticket.Kind != "run")
        {
            return false;
        }

        if (!_results.TryGetValue(ticket.TicketKey, out var status))
        {
            _executions.AddOrUpdate(ticket.TicketKey, 1, (_, n) => n + 1);
            status = Outcome(ticket) ? "Succeeded" : "Failed";
            _results[ticket.TicketKey] = status;
        }

        var diagnostics = status == "Failed" ? new Diagnostics("ScriptFailed", "scripts/check.sh", "exit code 1", "check failed") : null;
        try
        {
            using var started = await client.Http.PostAsJsonAsync("api/v1/agent/reports", new AgentReport(ticket.TicketKey, "InProgress"), ApiClient.Json);
            using var finished = await client.Http.PostAsJsonAsync("api/v1/agent/reports", new AgentReport(ticket.TicketKey, status, diagnostics), ApiClient.Json);
            return finished.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
