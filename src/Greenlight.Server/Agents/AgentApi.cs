using Greenlight.Contracts.V1;
using Greenlight.Core.Deployments;
using Greenlight.Core.Lifecycle;
using Greenlight.Engine.Running;
using Greenlight.Engine.Storage;
using Greenlight.Server.Api;
using Greenlight.Server.Auth;

namespace Greenlight.Server.Agents;

/// <summary>
/// The agent protocol (v1): <c>GET /api/v1/agent/tickets?instanceName=I&amp;waitSeconds=20</c> long-polls for open
/// tickets; <c>POST /api/v1/agent/reports</c> reports a ticket InProgress, Succeeded or Failed. An agent token only
/// sees and reports its own instance's tickets. Reports are idempotent: a repeated one is answered, not applied twice.
/// </summary>
public static class AgentApi
{
    public static void MapAgentApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/agent/tickets", Poll).RequireAgentOrAdmin();
        api.MapPost("/agent/reports", Report).RequireAgentOrAdmin();
        api.MapGet("/deployments/{deploymentId}/targets/{targetId}/logs", Logs).RequireRead();
    }

    private static async Task<IResult> Poll(string? instanceName, int? waitSeconds, HttpContext http, AgentTicketPort tickets, TicketSignals signals,
        AgentPresence presence, IGreenlightStore store, TimeProvider time, CancellationToken ct)
    {
        if (Allowed(http, instanceName) is { } denied)
        {
            return ApiErrors.Result(denied);
        }

        presence.Seen(instanceName!);
        var wake = signals.Subscribe(instanceName!); // before reading: a ticket stored after the read still wakes this poll
        var open = await tickets.OpenAsync(instanceName!, ct);
        if (open.Count == 0 && waitSeconds is > 0)
        {
            await TicketSignals.WaitAsync(wake, TimeSpan.FromSeconds(Math.Min(waitSeconds.Value, 60)), ct);

            // A credential revoked while the poll was held is refused now, not at the next poll.
            if (await StillValidAsync(http, store, time, ct) is { } revoked)
            {
                return ApiErrors.Result(revoked);
            }

            presence.Seen(instanceName!);
            open = await tickets.OpenAsync(instanceName!, ct);
        }

        return Results.Ok(new AgentTicketPage([.. open.Select(t => t.Ticket)]));
    }

    private static async Task<ApiError?> StillValidAsync(HttpContext http, IGreenlightStore store, TimeProvider time, CancellationToken ct)
    {
        var caller = Access.CallerOf(http);
        var token = (await store.ListTokensAsync(ct)).FirstOrDefault(t => t.Id == caller.TokenId);
        return token is null || token.RevokedAt is not null || token.ExpiresAt <= time.GetUtcNow()
            ? ApiErrors.Unauthorized("the credential was revoked")
            : null;
    }

    private static async Task<IResult> Logs(string deploymentId, string targetId, TicketLogs logs, CancellationToken ct) =>
        Results.Ok(new { logs = await logs.ForTargetAsync(deploymentId, targetId, ct) });

    private static async Task<IResult> Report(AgentReport report, HttpContext http, AgentTicketPort tickets, DeploymentEngine engine, AgentPresence presence,
        TicketLogs logs, CancellationToken ct)
    {
        var parts = report.TicketKey?.Split('/') ?? [];
        if (parts.Length != 4 || !Enum.TryParse<LifecycleEvent>(parts[2], out var lifecycleEvent) || !int.TryParse(parts[3], out var attempt))
        {
            return ApiErrors.Result(ApiErrors.Invalid("InvalidTicketException", $"ticketKey '{report.TicketKey}' is not deployment/instance/event/attempt"));
        }

        var (deploymentId, instance) = (parts[0], parts[1]);
        if (Allowed(http, instance) is { } denied)
        {
            return ApiErrors.Result(denied);
        }

        if (await tickets.FindAsync(instance, report.TicketKey!, ct) is null)
        {
            return ApiErrors.Result(ApiErrors.NotFound("TicketDoesNotExistException", $"ticket '{report.TicketKey}' was never issued"));
        }

        presence.Seen(instance);
        var cursor = report.Logs is { Count: > 0 } lines ? await logs.AppendAsync(report.TicketKey!, lines, ct) : 0;

        Observation observation = report.Status switch
        {
            "InProgress" => new EventStarted(instance, lifecycleEvent, attempt),
            "Succeeded" => new EventCompleted(instance, lifecycleEvent, attempt, true),
            "Failed" => new EventCompleted(instance, lifecycleEvent, attempt, false, ToCore(report.Diagnostics)),
            _ => null!,
        };
        if (observation is null)
        {
            return ApiErrors.Result(ApiErrors.Invalid("InvalidTicketStatusException", $"status '{report.Status}' must be InProgress, Succeeded or Failed"));
        }

        var result = await engine.ObserveAsync(deploymentId, observation, ct);
        await tickets.MarkAsync(instance, report.TicketKey!, report.Status!, ct);
        return Results.Ok(new AgentReportOutput(result.Applied, result.Rejection?.Message, cursor));
    }

    private static InstanceDiagnostics ToCore(Diagnostics? d) =>
        d is null ? new InstanceDiagnostics("UnknownError", "the agent reported a failure without diagnostics") : new InstanceDiagnostics(d.ErrorCode, d.Message, d.ScriptName, d.LogTail);

    private static ApiError? Allowed(HttpContext http, string? instance)
    {
        if (Names.Check("instanceName", instance) is { } bad)
        {
            return bad;
        }

        var caller = Access.CallerOf(http);
        return caller.Role == Roles.Agent && caller.InstanceName != instance
            ? ApiErrors.Forbidden($"this agent token belongs to instance '{caller.InstanceName}', not '{instance}'")
            : null;
    }
}
