using Greenlight.Server.Tests.Api;
using Greenlight.Server.Tests.Traffic;
using Greenlight.Testing;
using Xunit.Abstractions;

namespace Greenlight.Server.Tests.Alarms;

/// <summary>
/// Alarm changes reach running deployments: the group's alarm configuration names the alarm, a deployment runs (its instance
/// has no agent, so it stays in progress; two instances, as HalfAtATime needs), and the alarm going to ALARM stops it with ALARM_ACTIVE.
/// </summary>
public sealed class AlarmDeploymentTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SetState_AlarmOnAWatchedAlarm_StopsTheRunningDeploymentWithAlarmActive()
    {
        await using var server = await TestServer.StartAsync();
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/alarms", new { alarmName = "pager", metric = new { source = "external" } })).Status);
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/alarms", new { alarmName = "unwatched", metric = new { source = "external" } })).Status);
        await TestFleet.CreateAsync(server.Admin, 2, new { alarmConfiguration = new { enabled = true, alarms = new[] { new { name = "pager" } } } });
        var id = await RunningDeploymentAsync(server.Admin);

        await server.Admin.PutAsync("/api/v1/alarms/unwatched/state", new { stateValue = "ALARM" });
        var stillRunning = await TestFleet.StatusAsync(server.Admin, id);
        await server.Admin.PutAsync("/api/v1/alarms/pager/state", new { stateValue = "ALARM", stateReason = "paged" });
        var info = await UntilStoppedByAlarmAsync(server.Admin, id);

        Assert.Equal("InProgress", stillRunning);
        Assert.Contains("alarm pager in ALARM", info["errorInformation"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_FiringForAWatchedAlarm_StopsTheRunningDeploymentWithAlarmActive()
    {
        await using var server = await TestServer.StartAsync();
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/alarms", new { alarmName = "HighErrorRate", metric = new { source = "external" } })).Status);
        await TestFleet.CreateAsync(server.Admin, 2, new { alarmConfiguration = new { enabled = true, alarms = new[] { new { name = "HighErrorRate" } } } });
        var id = await RunningDeploymentAsync(server.Admin);

        Assert.Equal(200, (await server.Admin.PostAsync("/api/v1/alertmanager/webhook", AlarmStateTests.Payload("firing", ("HighErrorRate", "firing")))).Status);
        var info = await UntilStoppedByAlarmAsync(server.Admin, id);

        Assert.Contains("Alertmanager: HighErrorRate firing", info["errorInformation"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadBalancerAlarm_BreachingThroughTheListener_StopsTheRunningDeploymentAtOnce()
    {
        await using var server = await TestServer.StartAsync();
        await using var backend = await TestBackend.StartAsync("backend-1");
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/alarms", AlarmsApiTests.LoadBalancerAlarm("errors", evaluationPeriods: 2, datapointsToAlarm: 1))).Status);
        await TestFleet.CreateAsync(server.Admin, 2, new { alarmConfiguration = new { enabled = true, alarms = new[] { new { name = "errors" } } } });
        await TrafficSetup.CreateGroupAsync(server.Admin, "tg", backend.Port);
        var bound = await TrafficSetup.CreateBalancerAsync(server.Admin, "web", "tg");
        await TrafficSetup.RegisterAsync(server.Admin, "tg", ("i-1", backend.Port));
        await TrafficSetup.UntilAsync(server.Admin, "tg", t => TrafficSetup.StateOf(t, "i-1") == "healthy", "target healthy");
        await using var traffic = new AlarmTraffic(bound);
        await AlarmTraffic.UntilStateAsync(server.Admin, "errors", "OK", TrafficSetup.Timeout);
        var id = await RunningDeploymentAsync(server.Admin);

        backend.Failing = true;
        var info = await UntilStoppedByAlarmAsync(server.Admin, id);
        var seenAt = DateTimeOffset.UtcNow;
        var alarm = (await server.Admin.GetAsync("/api/v1/alarms/errors")).Body!["alarm"]!;
        var alarmedAt = alarm["stateUpdatedTimestamp"]!.GetValue<DateTimeOffset>();

        output.WriteLine($"ALARM evaluated at {alarmedAt:HH:mm:ss.fff}; deployment seen stopped by the test's polling at {seenAt:HH:mm:ss.fff} ({(seenAt - alarmedAt).TotalMilliseconds:0} ms)");
        Assert.Equal("ALARM", alarm["stateValue"]!.GetValue<string>());
        Assert.Contains("alarm errors in ALARM", info["errorInformation"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        // The change is fed when it is stored: the deployment has stopped within a second of the evaluation (polling included).
        Assert.InRange((seenAt - alarmedAt).TotalMilliseconds, 0, 1000);
    }

    [Fact]
    public async Task CreateDeployment_OverrideNamingAMissingAlarm_IsRefusedNamingTheField()
    {
        await using var server = await TestServer.StartAsync();
        await TestFleet.CreateAsync(server.Admin, 2);
        var sha = await TestFleet.RevisionAsync(server.Admin, "v1");

        var (status, body) = await TestFleet.DeployAsync(server.Admin, sha, new { overrideAlarmConfiguration = new { enabled = true, alarms = new[] { new { name = "nope" } } } });

        Assert.Equal(400, status);
        Assert.Equal("InvalidAlarmConfigException", body!["code"]!.GetValue<string>());
        Assert.Contains("overrideAlarmConfiguration.alarms[0].name", body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static async Task<string> RunningDeploymentAsync(ApiClient admin)
    {
        var sha = await TestFleet.RevisionAsync(admin, "v1");
        var (status, body) = await TestFleet.DeployAsync(admin, sha);
        Assert.True(status == 201, body?.ToJsonString());
        var id = body!["deploymentId"]!.GetValue<string>();
        var info = await Eventually.Until(() => TestFleet.InfoAsync(admin, id), i => i["status"]!.GetValue<string>() is not ("Created" or "Queued"), TrafficSetup.Timeout, "deployment started");
        Assert.True(info["status"]!.GetValue<string>() == "InProgress", info.ToJsonString());
        return id;
    }

    private static Task<System.Text.Json.Nodes.JsonNode> UntilStoppedByAlarmAsync(ApiClient admin, string id) =>
        Eventually.Until(() => TestFleet.InfoAsync(admin, id), i => i["errorInformation"]?["code"]?.GetValue<string>() == "ALARM_ACTIVE", TrafficSetup.Timeout, "deployment stopped with ALARM_ACTIVE");
}
