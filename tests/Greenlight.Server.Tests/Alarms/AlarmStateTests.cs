using System.Text.Json.Nodes;
using Greenlight.Testing;

namespace Greenlight.Server.Tests.Alarms;

/// <summary>PUT /alarms/{name}/state and the Alertmanager webhook change states and write history, on a real server.</summary>
public sealed class AlarmStateTests
{
    [Fact]
    public async Task SetState_ChangesTheStateAndWritesHistoryNewestFirst()
    {
        await using var server = await TestServer.StartAsync();
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/alarms", new { alarmName = "pager", metric = new { source = "external" } })).Status);

        var (alarmed, body) = await server.Admin.PutAsync("/api/v1/alarms/pager/state", new { stateValue = "ALARM", stateReason = "on-call says so" });
        var (ok, _) = await server.Admin.PutAsync("/api/v1/alarms/pager/state", new { stateValue = "OK" });
        var (invalid, invalidBody) = await server.Admin.PutAsync("/api/v1/alarms/pager/state", new { stateValue = "RED" });
        var (missing, _) = await server.Admin.PutAsync("/api/v1/alarms/nope/state", new { stateValue = "OK" });
        var (_, history) = await server.Admin.GetAsync("/api/v1/alarms/pager/history");
        var (_, got) = await server.Admin.GetAsync("/api/v1/alarms/pager");
        var metrics = await server.Admin.Http.GetStringAsync("/metrics");

        Assert.True(alarmed == 200, body?.ToJsonString());
        Assert.Equal("ALARM", body!["alarm"]!["stateValue"]!.GetValue<string>());
        Assert.Equal(200, ok);
        Assert.Equal(400, invalid);
        Assert.Contains("stateValue 'RED'", invalidBody!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(404, missing);
        var items = history!["alarmHistoryItems"]!.AsArray();
        Assert.Equal(2, items.Count);
        Assert.Equal(("ALARM", "OK"), (items[0]!["oldStateValue"]!.GetValue<string>(), items[0]!["newStateValue"]!.GetValue<string>()));
        Assert.Equal(("INSUFFICIENT_DATA", "ALARM", "on-call says so"),
            (items[1]!["oldStateValue"]!.GetValue<string>(), items[1]!["newStateValue"]!.GetValue<string>(), items[1]!["reason"]!.GetValue<string>()));
        Assert.Equal("OK", got!["alarm"]!["stateValue"]!.GetValue<string>());
        Assert.Contains("greenlight_alarm_state{alarm=\"pager\"} 0", metrics, StringComparison.Ordinal);
        Assert.StartsWith("set by ", got["alarm"]!["stateReason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_FiringThenResolved_PutsMatchingAlarmsInAlarmThenOk()
    {
        await using var server = await TestServer.StartAsync();
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/alarms", new { alarmName = "HighErrorRate", metric = new { source = "external" } })).Status);
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/alarms", new { alarmName = "latency", metric = new { source = "external" }, alertName = "SlowRequests" })).Status);
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/alarms", new { alarmName = "quiet", metric = new { source = "external" } })).Status);

        var (firing, firingBody) = await server.Admin.PostAsync("/api/v1/alertmanager/webhook", Payload("firing",
            ("HighErrorRate", "firing"), ("HighErrorRate", "resolved"), ("SlowRequests", "firing"), ("Unrelated", "firing")));
        var afterFiring = await StatesAsync(server.Admin);
        var (resolved, _) = await server.Admin.PostAsync("/api/v1/alertmanager/webhook", Payload("resolved", ("HighErrorRate", "resolved"), ("SlowRequests", "resolved")));
        var afterResolved = await StatesAsync(server.Admin);
        var (_, history) = await server.Admin.GetAsync("/api/v1/alarms/HighErrorRate/history");
        var (bad, badBody) = await server.Admin.PostAsync("/api/v1/alertmanager/webhook", Payload("firing", ("HighErrorRate", "pending")));

        Assert.True(firing == 200, firingBody?.ToJsonString());
        Assert.Equal(1, firingBody!["unmatched"]!.GetValue<int>());
        Assert.Equal(("ALARM", "ALARM", "INSUFFICIENT_DATA"), (afterFiring["HighErrorRate"], afterFiring["latency"], afterFiring["quiet"]));
        Assert.Equal(200, resolved);
        Assert.Equal(("OK", "OK", "INSUFFICIENT_DATA"), (afterResolved["HighErrorRate"], afterResolved["latency"], afterResolved["quiet"]));
        var items = history!["alarmHistoryItems"]!.AsArray();
        Assert.Equal(2, items.Count);
        Assert.Contains("Alertmanager: HighErrorRate firing", items[1]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("error rate above 5%", items[1]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(400, bad);
        Assert.Contains("alerts[0].status", badBody!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>Alertmanager's webhook body (version 4), as Alertmanager sends it.</summary>
    internal static JsonNode Payload(string status, params (string AlertName, string Status)[] alerts) => JsonNode.Parse($$"""
        {
          "version": "4",
          "groupKey": "{}:{alertname=\"HighErrorRate\"}",
          "truncatedAlerts": 0,
          "status": "{{status}}",
          "receiver": "greenlight",
          "groupLabels": {},
          "commonLabels": {},
          "commonAnnotations": {},
          "externalURL": "http://127.0.0.1:9093",
          "alerts": [{{string.Join(",", alerts.Select((a, i) => $$"""
            {
              "status": "{{a.Status}}",
              "labels": { "alertname": "{{a.AlertName}}", "instance": "web-{{i}}", "severity": "page" },
              "annotations": { "summary": "error rate above 5%" },
              "startsAt": "2026-11-29T12:00:03.000Z",
              "endsAt": "0001-01-01T00:00:00Z",
              "generatorURL": "http://127.0.0.1:9090/graph",
              "fingerprint": "{{i:x16}}"
            }
            """))}}]
        }
        """)!;

    private static async Task<Dictionary<string, string>> StatesAsync(ApiClient admin) =>
        (await admin.GetAsync("/api/v1/alarms")).Body!["alarms"]!.AsArray()
            .ToDictionary(a => a!["alarmName"]!.GetValue<string>(), a => a!["stateValue"]!.GetValue<string>());
}
