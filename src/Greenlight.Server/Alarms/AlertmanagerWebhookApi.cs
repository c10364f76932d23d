using Greenlight.Contracts.V1;
using Greenlight.Engine.Storage;
using Greenlight.Server.Api;
using Greenlight.Server.Auth;
using Microsoft.Extensions.Logging;

namespace Greenlight.Server.Alarms;

/// <summary>
/// <c>POST /api/v1/alertmanager/webhook</c>: an Alertmanager webhook receiver (payload version 4; a write token as
/// <c>http_config.authorization.credentials</c>). An alert sets an alarm when its <c>labels.alertname</c> is the alarm's
/// <c>alertName</c>, or the name of an external alarm without one: ALARM while any of its alerts in the call fires, OK once
/// all are resolved. Alerts that match no alarm are counted, not refused (Alertmanager would only retry).
/// </summary>
public static class AlertmanagerWebhookApi
{
    public static void MapAlertmanagerWebhookApi(this IEndpointRouteBuilder api) =>
        api.MapPost("/alertmanager/webhook", Receive).RequireWrite();

    private static async Task<IResult> Receive(AlertmanagerWebhook input, HttpContext http, IGreenlightStore store, TimeProvider time, AlarmStates states,
        ILoggerFactory loggers, CancellationToken ct)
    {
        if (input.Alerts is null)
        {
            return ApiErrors.Result(ApiErrors.Invalid("InvalidWebhookException", "alerts is required (Alertmanager's webhook payload, version 4)"));
        }

        foreach (var (alert, index) in input.Alerts.Select((a, i) => (a, i)))
        {
            if (alert?.Status is not ("firing" or "resolved"))
            {
                return ApiErrors.Result(ApiErrors.Invalid("InvalidWebhookException", $"alerts[{index}].status '{alert?.Status}' must be firing or resolved"));
            }

            if (alert.Labels?.GetValueOrDefault("alertname") is not { Length: > 0 })
            {
                return ApiErrors.Result(ApiErrors.Invalid("InvalidWebhookException", $"alerts[{index}].labels.alertname is required"));
            }
        }

        var alarms = await AlarmStore.ListAsync(store, ct);
        var changes = new List<AlarmStateChange>();
        var unmatched = 0;
        foreach (var group in input.Alerts.GroupBy(a => a.Labels!["alertname"], StringComparer.Ordinal))
        {
            var targets = alarms.Where(a => a.Alarm.AlertName == group.Key || (a.Alarm.AlertName is null && a.IsExternal && a.Name == group.Key)).ToList();
            if (targets.Count == 0)
            {
                unmatched += group.Count();
                continue;
            }

            var firing = group.Where(a => a.Status == "firing").ToList();
            var state = firing.Count > 0 ? AlarmVocabulary.Alarm : AlarmVocabulary.Ok;
            var reason = Reason(group.Key, firing.Count > 0 ? firing : [.. group]);
            foreach (var alarm in targets)
            {
                await states.SetAsync(alarm.Name, state, reason, [], null, null, Audit.Of(http, time, "AlertmanagerWebhook", alarm.Name, state), ct);
                changes.Add(new AlarmStateChange(alarm.Name, state));
            }
        }

        AlarmLog.Webhook(loggers.CreateLogger("Greenlight.Alarms"), changes.Count, unmatched);
        return Results.Ok(new AlertmanagerWebhookResult(changes, unmatched));
    }

    /// <summary>"Alertmanager: HighErrorRate firing since 12:00:03Z: summary" (the first alert's summary or description annotation).</summary>
    private static string Reason(string alertName, IReadOnlyList<AlertmanagerAlert> alerts)
    {
        var first = alerts[0];
        var since = first.Status == "firing" ? first.StartsAt : first.EndsAt;
        var when = since is { } at && at.Year > 1 ? $" since {at.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}" : "";
        var text = first.Annotations?.GetValueOrDefault("summary") ?? first.Annotations?.GetValueOrDefault("description");
        var more = alerts.Count > 1 ? $" ({alerts.Count} alerts)" : "";
        var reason = $"Alertmanager: {alertName} {first.Status}{when}{more}" + (text is null ? "" : ": " + text);
        return reason.Length > 1023 ? reason[..1023] : reason;
    }
}
