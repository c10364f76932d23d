using System.Globalization;
using System.Text.Json.Nodes;
using Greenlight.EndToEnd.Tests.Fleet;
using Greenlight.EndToEnd.Tests.Traffic;
using Greenlight.Testing;
using Greenlight.Testing.Load;
using Xunit.Abstractions;

namespace Greenlight.EndToEnd.Tests.Alarms;

/// <summary>
/// Alarms over real metrics stop deployments and roll them back: the built-in load balancer's 5xx rate of the green
/// fleet during a canary; a real Prometheus scraping the server's /metrics; a real Alertmanager calling the server's
/// webhook for a Prometheus alert. Real server, real agents, the real sample app (v3-5xx answers 500 on /).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class AlarmRollbackTests(ITestOutputHelper output)
{
    private const string V1 = "1.0.0";
    private const string V3 = "3.0.0";

    private static readonly object RollBackOnAlarm = new { enabled = true, events = new[] { "DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM" } };

    [Fact]
    public async Task BlueGreenCanary_GreenAnswers5xx_AlarmPutsAllTrafficBackOnBlueAndRollsBack()
    {
        await using var fleet = await FleetScenario.StartAsync();
        var front = await StartFrontAsync(fleet, 2, "CodeDeployDefault.AllAtOnce");
        await CreateAlarmAsync(fleet, new
        {
            alarmName = "green-5xx",
            metric = new { source = "loadBalancer", targetGroupName = TrafficSetup.TargetGroup, pool = "green", metricName = "HTTPCode_Target_5XX_Rate" },
            statistic = "Average", period = 1, comparisonOperator = "GreaterThanThreshold", threshold = 5, evaluationPeriods = 1, datapointsToAlarm = 1,
            treatMissingData = "notBreaching",
        });
        await FleetScenario.Expect(200, fleet.Admin.PutAsync("/api/v1/applications/web/deployment-groups/prod", new
        {
            deploymentStyle = new { deploymentType = "BLUE_GREEN", deploymentOption = "WITH_TRAFFIC_CONTROL" },
            blueGreenDeploymentConfiguration = new
            {
                terminateBlueInstancesOnDeploymentSuccess = new { action = "TERMINATE", terminationWaitTimeInMinutes = 0 },
                deploymentReadyOption = new { actionOnTimeout = "CONTINUE_DEPLOYMENT" },
                greenFleetProvisioningOption = new { action = "COPY_AUTO_SCALING_GROUP" },
            },
            alarmConfiguration = new { enabled = true, alarms = new[] { new { name = "green-5xx" } } },
            autoRollbackConfiguration = RollBackOnAlarm,
        }));
        var v3 = await fleet.UploadAsync(SampleApp.Bundle("v3-5xx"));

        var startedAt = DateTimeOffset.UtcNow;
        await using var load = LoadGenerator.Start(front, workers: 4, requestsPerSecond: 100);
        await load.WaitForCountAsync(40, FleetScenario.Timeout);
        var id = await fleet.DeployAsync(v3, extras: new { trafficRouting = "canary:10:60s" });
        var end = await RolledBackAsync(fleet, await fleet.WaitForEndAsync(id));
        var rollbackId = end["rollbackInfo"]?["rollbackDeploymentId"]?.GetValue<string>();
        Assert.True(rollbackId is not null, end.ToJsonString());
        var rollback = await fleet.WaitForEndAsync(rollbackId);
        await load.WaitForCountAsync(load.Count + 40, FleetScenario.Timeout);
        var report = await load.StopAsync();
        output.WriteLine(report.Describe());

        Assert.Equal("Stopped", end["status"]!.GetValue<string>());
        Assert.Equal("ALARM_ACTIVE", end["errorInformation"]!["code"]!.GetValue<string>());
        Assert.True(rollback["status"]!.GetValue<string>() == "Succeeded", rollback.ToJsonString());
        Assert.Equal(id, rollback["rollbackInfo"]!["rollbackTriggeringDeploymentId"]!.GetValue<string>());
        Assert.Equal(0, report.TransportErrors);
        Assert.All(report.Samples.Where(s => !s.Succeeded), s => Assert.True(s.Version == V3 && s.Status == 500, s.ToString()));
        Assert.Contains(V3, report.ByVersion.Keys);

        var alarmAt = await AlarmWentOffAtAsync(fleet, "green-5xx");
        var lastOnGreen = report.Samples.Where(s => s.Version == V3).Max(s => startedAt + s.SentAt);
        output.WriteLine($"alarm evaluated ALARM at {alarmAt:HH:mm:ss.fff}; the last request sent to green left at {lastOnGreen:HH:mm:ss.fff}: {(lastOnGreen - alarmAt).TotalMilliseconds:0} ms later");
        Assert.DoesNotContain(report.Samples, s => startedAt + s.SentAt > alarmAt + TimeSpan.FromSeconds(2) && s.Version == V3);

        var group = await TrafficSetup.GroupAsync(fleet);
        Assert.Equal(["asg-web"], group["autoScalingGroups"]!.AsArray().Select(g => g!.GetValue<string>()));
        await Eventually.Until(async () => (await fleet.Admin.GetAsync("/api/v1/auto-scaling-groups")).Body!["autoScalingGroups"]!.AsArray()
                .Select(g => g!["autoScalingGroupName"]!.GetValue<string>()).ToList(),
            names => names.SequenceEqual(["asg-web"]), FleetScenario.Timeout, "the green copy deleted by the rollback");
        Assert.All((await TrafficSetup.TargetsAsync(fleet)).Values, t => Assert.Equal("blue", t.Pool));
        foreach (var instance in (await fleet.InstancesAsync()).Where(i => i.State == "InService"))
        {
            Assert.Equal(V1, await FleetScenario.ServedVersionAsync(instance.Address));
        }
    }

    [Theory]
    [InlineData("prometheus")]
    [InlineData("alertmanager")]
    public async Task InPlaceWatchWindow_AlarmFromPrometheusOrAlertmanager_RollsBackAndTheRevisionNeverBecomesKnownGood(string source)
    {
        await using var fleet = await FleetScenario.StartAsync();
        var front = await StartFrontAsync(fleet, 2, "CodeDeployDefault.OneAtATime");
        // The group records its known-good revision when the engine dispatches the success, just after the status says so.
        var knownGood = (await Eventually.Until(() => TrafficSetup.GroupAsync(fleet), g => g["targetRevision"] is not null, FleetScenario.Timeout, "v1 recorded as known-good"))
            ["targetRevision"]!["bundle"]!["sha256"]!.GetValue<string>();
        var token = (await File.ReadAllTextAsync(Path.Combine(fleet.DataDirectory, "admin.token"))).Trim();
        const string Errors = "sum(increase(greenlight_lb_responses_total{code_class=\"5xx\"}[10s]))";
        await using var alertmanager = source == "alertmanager"
            ? await AlertmanagerProcess.StartAsync(fleet.Server.Url.TrimEnd('/') + "/api/v1/alertmanager/webhook", token)
            : null;
        await using var prometheus = await PrometheusProcess.StartAsync(fleet.Server.Url, token,
            rules: alertmanager is null ? null : $"groups:\n  - name: greenlight\n    rules:\n      - alert: HighErrorRate\n        expr: {Errors} > 0\n        for: 0s\n",
            alertmanager: alertmanager?.Url);
        await CreateAlarmAsync(fleet, alertmanager is null
            ? new
            {
                alarmName = "errors",
                metric = (object)new { source = "prometheus", url = prometheus.Url.ToString().TrimEnd('/'), query = Errors + " or vector(0)" },
                statistic = "Maximum", period = 1, comparisonOperator = "GreaterThanThreshold", threshold = 0, evaluationPeriods = 1, datapointsToAlarm = 1,
                treatMissingData = "notBreaching", alertName = (string?)null,
            }
            : new
            {
                alarmName = "errors",
                metric = (object)new { source = "external" },
                statistic = (string?)null, period = (int?)null, comparisonOperator = (string?)null, threshold = (double?)null, evaluationPeriods = (int?)null,
                datapointsToAlarm = (int?)null, treatMissingData = (string?)null, alertName = "HighErrorRate",
            });
        await FleetScenario.Expect(200, fleet.Admin.PutAsync("/api/v1/applications/web/deployment-groups/prod", new
        {
            watchSeconds = 60,
            alarmConfiguration = new { enabled = true, alarms = new[] { new { name = "errors" } } },
            autoRollbackConfiguration = RollBackOnAlarm,
        }));
        var v3 = await fleet.UploadAsync(SampleApp.Bundle("v3-5xx"));

        // The errors start only once the deployment watches (status Baking), so the alarm comes in the watch window, after
        // every instance succeeded; load during the install could trip it earlier, which is a different scenario.
        var id = await fleet.DeployAsync(v3);
        await Eventually.Until(() => TrafficSetup.StatusAsync(fleet, id), s => s is "Baking" or "Failed" or "Stopped" or "Succeeded", FleetScenario.Timeout, "the watch window");
        await using var load = LoadGenerator.Start(front, workers: 2, requestsPerSecond: 40);
        var end = await RolledBackAsync(fleet, await fleet.WaitForEndAsync(id));
        var rollbackId = end["rollbackInfo"]?["rollbackDeploymentId"]?.GetValue<string>();
        Assert.True(rollbackId is not null, end.ToJsonString() + "\n" + fleet.Server.Output[^Math.Min(3000, fleet.Server.Output.Length)..]);
        var rollback = await fleet.WaitForEndAsync(rollbackId);
        var report = await load.StopAsync();
        output.WriteLine(report.Describe());

        Assert.Equal("Stopped", end["status"]!.GetValue<string>());
        Assert.Equal("ALARM_ACTIVE", end["errorInformation"]!["code"]!.GetValue<string>());
        Assert.All(await fleet.TargetStatusesAsync(id), t => Assert.Equal("Succeeded", t.Value));
        Assert.True(rollback["status"]!.GetValue<string>() == "Succeeded", rollback.ToJsonString());
        Assert.Equal(0, report.TransportErrors);
        Assert.Equal(knownGood, (await TrafficSetup.GroupAsync(fleet))["targetRevision"]!["bundle"]!["sha256"]!.GetValue<string>());
        foreach (var instance in (await fleet.InstancesAsync()).Where(i => i.State == "InService"))
        {
            Assert.Equal(V1, await FleetScenario.ServedVersionAsync(instance.Address));
        }
    }

    private static async Task<Uri> StartFrontAsync(FleetScenario fleet, int capacity, string config)
    {
        await TrafficSetup.CreateTargetGroupAsync(fleet);
        var front = await TrafficSetup.CreateLoadBalancerAsync(fleet);
        await fleet.CreateFleetAsync(capacity, config, new
        {
            deploymentStyle = new { deploymentType = "IN_PLACE", deploymentOption = "WITH_TRAFFIC_CONTROL" },
            loadBalancerInfo = new { targetGroupInfoList = new[] { new { name = TrafficSetup.TargetGroup } } },
        }, scalingExtras: new { targetGroupNames = new[] { TrafficSetup.TargetGroup } });
        var first = await fleet.WaitForEndAsync(await fleet.DeployAsync(await fleet.UploadAsync(SampleApp.Bundle("v1"))));
        Assert.True(first["status"]!.GetValue<string>() == "Succeeded", first.ToJsonString());
        await TrafficSetup.WaitForHealthyAsync(fleet, capacity);
        return front;
    }

    /// <summary>The ended deployment once its rollback deployment is linked (the engine creates it right after the stop).</summary>
    private static async Task<JsonNode> RolledBackAsync(FleetScenario fleet, JsonNode ended)
    {
        var id = ended["deploymentId"]!.GetValue<string>();
        try
        {
            return await Eventually.Until(async () => (await fleet.Admin.GetAsync($"/api/v1/deployments/{id}")).Body!["deploymentInfo"]!,
                d => d["rollbackInfo"]?["rollbackDeploymentId"] is not null, TimeSpan.FromSeconds(30), "the rollback deployment linked");
        }
        catch (TimeoutException)
        {
            return ended; // The assertion that follows shows what the deployment says instead.
        }
    }

    private static async Task CreateAlarmAsync(FleetScenario fleet, object alarm) =>
        await FleetScenario.Expect(201, fleet.Admin.PostAsync("/api/v1/alarms", alarm));

    /// <summary>When the alarm's evaluation first put it in ALARM (its history).</summary>
    private static async Task<DateTimeOffset> AlarmWentOffAtAsync(FleetScenario fleet, string alarm)
    {
        var (_, body) = await fleet.Admin.GetAsync($"/api/v1/alarms/{alarm}/history");
        var items = (body!["alarmHistoryItems"] ?? body["history"] ?? body["items"])!.AsArray();
        return items.Where(i => i!["newStateValue"]!.GetValue<string>() == "ALARM")
            .Select(i => DateTimeOffset.Parse(i!["timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture))
            .Min();
    }
}
