using Greenlight.Engine.Storage;
using Greenlight.Server.Tests.Traffic;
using Greenlight.Server.Traffic;
using Greenlight.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Greenlight.Server.Tests.Alarms;

/// <summary>A load balancer alarm over real traffic: a real Kestrel backend behind the server's real listener.</summary>
public sealed class LoadBalancerAlarmTests(ITestOutputHelper output)
{
    [Fact]
    public async Task FiveXxRate_BackendAnswering500_GoesToAlarmWithinItsPeriodsAndBackToOk()
    {
        await using var server = await TestServer.StartAsync();
        await using var backend = await TestBackend.StartAsync("backend-1");
        await TrafficSetup.CreateGroupAsync(server.Admin, "tg", backend.Port);
        var bound = await TrafficSetup.CreateBalancerAsync(server.Admin, "web", "tg");
        await TrafficSetup.RegisterAsync(server.Admin, "tg", ("i-1", backend.Port));
        await TrafficSetup.UntilAsync(server.Admin, "tg", t => TrafficSetup.StateOf(t, "i-1") == "healthy", "target healthy");
        var (created, body) = await server.Admin.PostAsync("/api/v1/alarms", AlarmsApiTests.LoadBalancerAlarm("errors", evaluationPeriods: 3, datapointsToAlarm: 2));
        Assert.True(created == 201, body?.ToJsonString());

        await using var traffic = new AlarmTraffic(bound);
        var healthy = await AlarmTraffic.UntilStateAsync(server.Admin, "errors", "OK", TrafficSetup.Timeout);
        backend.Failing = true;
        var failedAt = DateTimeOffset.UtcNow;
        var alarmed = await AlarmTraffic.UntilStateAsync(server.Admin, "errors", "ALARM", TrafficSetup.Timeout);
        var alarmedAt = alarmed["stateUpdatedTimestamp"]!.GetValue<DateTimeOffset>();
        backend.Failing = false;
        var recovered = await AlarmTraffic.UntilStateAsync(server.Admin, "errors", "OK", TrafficSetup.Timeout);
        var (_, history) = await server.Admin.GetAsync("/api/v1/alarms/errors/history");

        output.WriteLine($"500s from {failedAt:HH:mm:ss.fff}, ALARM at {alarmedAt:HH:mm:ss.fff} ({(alarmedAt - failedAt).TotalMilliseconds:0} ms); {traffic.Sent} requests");
        Assert.Contains("datapoints", healthy["lastEvaluation"]!.ToJsonString(), StringComparison.Ordinal);

        // Two breaching 1 s periods: the second one ends at most 3 s after the first 500, evaluated just after its end.
        Assert.InRange((alarmedAt - failedAt).TotalSeconds, 0.5, 4.5);
        Assert.Equal("OK", recovered["stateValue"]!.GetValue<string>());
        var items = history!["alarmHistoryItems"]!.AsArray();
        var toAlarm = items.Single(i => i!["newStateValue"]!.GetValue<string>() == "ALARM")!;
        Assert.Equal(5, toAlarm["threshold"]!.GetValue<double>());
        Assert.True(toAlarm["datapoints"]!.AsArray().Count(d => d!["value"]?.GetValue<double>() > 5) >= 2, toAlarm.ToJsonString());
        Assert.Equal("OK", items[0]!["newStateValue"]!.GetValue<string>());
    }

    [Fact]
    public async Task Pools_GreenFleetFailing_AlarmsTheGreenPoolOnly()
    {
        await using var server = await TestServer.StartAsync();
        await using var blue = await TestBackend.StartAsync("blue");
        await using var green = await TestBackend.StartAsync("green");
        await TrafficSetup.CreateGroupAsync(server.Admin, "tg", blue.Port);
        var bound = await TrafficSetup.CreateBalancerAsync(server.Admin, "web", "tg");
        await TrafficSetup.RegisterAsync(server.Admin, "tg", ("i-1", blue.Port), ("i-2", green.Port));

        // What a blue/green deployment does through its commands: i-2 is the green (replacement) fleet, taking half the traffic.
        await TrafficStore.UpdateTargetGroupAsync(server.Store, "tg", doc => doc with
        {
            GreenWeight = 50,
            Targets = [.. doc.Targets.Select(t => t.InstanceId == "i-2" ? t with { Pool = TargetGroupDocument.Green } : t)],
        }, new AuditEntry(DateTimeOffset.UtcNow, "test", "ShiftTraffic", "tg"), CancellationToken.None);
        await server.Host.Services.GetRequiredService<TrafficState>().ApplyAsync(CancellationToken.None);
        await TrafficSetup.UntilAsync(server.Admin, "tg", t => TrafficSetup.StateOf(t, "i-1") == "healthy" && TrafficSetup.StateOf(t, "i-2") == "healthy", "targets healthy");
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/alarms", AlarmsApiTests.LoadBalancerAlarm("green-errors", pool: "green", evaluationPeriods: 2))).Status);
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/alarms", AlarmsApiTests.LoadBalancerAlarm("blue-errors", pool: "blue", evaluationPeriods: 2))).Status);
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/alarms", AlarmsApiTests.LoadBalancerAlarm("all-errors", threshold: 80, evaluationPeriods: 2))).Status);

        green.Failing = true;
        await using var traffic = new AlarmTraffic(bound);
        var greenAlarm = await AlarmTraffic.UntilStateAsync(server.Admin, "green-errors", "ALARM", TrafficSetup.Timeout);
        var blueAlarm = await AlarmTraffic.UntilStateAsync(server.Admin, "blue-errors", "OK", TrafficSetup.Timeout);
        var all = (await server.Admin.GetAsync("/api/v1/alarms/all-errors")).Body!["alarm"]!;

        // The green pool answers only 500s (100%); blue none; the whole group about half, under all-errors' 80%.
        Assert.Contains("100", greenAlarm["stateReason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("OK", blueAlarm["stateValue"]!.GetValue<string>());
        Assert.Equal("OK", all["stateValue"]!.GetValue<string>());
    }
}
