using Greenlight.Server.Tests.Api;
using Greenlight.Server.Tests.Traffic;
using Greenlight.Testing;

namespace Greenlight.Server.Tests.Alarms;

/// <summary>
/// The Prometheus source against a fake of the instant query API (the real-Prometheus end-to-end test is elsewhere): the
/// value drives the state, the query is sent with the period's end time, and a failing server is a poll failure that stops
/// a watching deployment.
/// </summary>
public sealed class PrometheusAlarmTests
{
    [Fact]
    public async Task Query_ValueAboveThenBelow_GoesToAlarmThenOkWithTheQuerySent()
    {
        await using var server = await TestServer.StartAsync();
        await using var prometheus = await FakePrometheus.StartAsync();
        prometheus.Value = 12.5;
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/alarms", Alarm("errors", prometheus.Url))).Status);

        var alarmed = await AlarmTraffic.UntilStateAsync(server.Admin, "errors", "ALARM", TrafficSetup.Timeout);
        prometheus.Value = 0.5;
        await AlarmTraffic.UntilStateAsync(server.Admin, "errors", "OK", TrafficSetup.Timeout);
        var (_, history) = await server.Admin.GetAsync("/api/v1/alarms/errors/history");
        string first;
        lock (prometheus.Queries)
        {
            first = prometheus.Queries[0];
        }

        Assert.Contains("12.5", alarmed["stateReason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("?query=sum%28rate%28http_requests_total%5B1m%5D%29%29&time=", first, StringComparison.Ordinal);
        Assert.Equal(2, history!["alarmHistoryItems"]!.AsArray().Count);
    }

    [Fact]
    public async Task Query_PrometheusFailing_IsAPollFailureThatStopsAWatchingDeployment()
    {
        await using var server = await TestServer.StartAsync();
        await using var prometheus = await FakePrometheus.StartAsync();
        prometheus.Value = 0;
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/alarms", Alarm("errors", prometheus.Url))).Status);
        await TestFleet.CreateAsync(server.Admin, 2, new { alarmConfiguration = new { enabled = true, alarms = new[] { new { name = "errors" } } } });
        await AlarmTraffic.UntilStateAsync(server.Admin, "errors", "OK", TrafficSetup.Timeout);
        var sha = await TestFleet.RevisionAsync(server.Admin, "v1");
        var id = (await TestFleet.DeployAsync(server.Admin, sha)).Body!["deploymentId"]!.GetValue<string>();
        await Eventually.Until(() => TestFleet.StatusAsync(server.Admin, id), s => s == "InProgress", TrafficSetup.Timeout, "deployment in progress");

        prometheus.Down = true;
        var info = await Eventually.Until(() => TestFleet.InfoAsync(server.Admin, id), i => i["errorInformation"]?["code"]?.GetValue<string>() == "ALARM_ACTIVE",
            TrafficSetup.Timeout, "deployment stopped by the poll failure");
        var alarm = (await server.Admin.GetAsync("/api/v1/alarms/errors")).Body!["alarm"]!;

        Assert.Contains("could not be read", info["errorInformation"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("the TSDB is not ready", alarm["lastEvaluation"]!["pollError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("OK", alarm["stateValue"]!.GetValue<string>());
    }

    private static object Alarm(string name, string url) => new
    {
        alarmName = name,
        metric = new { source = "prometheus", url, query = "sum(rate(http_requests_total[1m]))" },
        period = 1,
        comparisonOperator = "GreaterThanThreshold",
        threshold = 5,
        evaluationPeriods = 1,
    };
}
