using System.Text.Json.Nodes;

namespace Greenlight.Cli.Commands.Demo;

/// <summary>The blue/green half of the scenario: v2 with a canary under load, then the broken v3 stopped by its alarm and rolled back.</summary>
internal sealed partial class DemoScenario
{
    private const double RequestsPerSecond = 30;

    private async Task<string> SwitchToBlueGreenAsync()
    {
        await api.PostAsync("alarms", new
        {
            alarmName = N.Alarm,
            metric = new { source = "loadBalancer", targetGroupName = N.TargetGroup, pool = "green", metricName = "HTTPCode_Target_5XX_Rate" },
            statistic = "Average", period = 1, comparisonOperator = "GreaterThanThreshold", threshold = 5, evaluationPeriods = 1, datapointsToAlarm = 1,
            treatMissingData = "notBreaching",
        });
        say.Say($"alarm {N.Alarm}: the green targets' 5xx rate in {N.TargetGroup} above 5 % over 1 s");
        await api.PutAsync($"applications/{N.Application}/deployment-groups/{N.Group}", new
        {
            deploymentStyle = new { deploymentType = "BLUE_GREEN", deploymentOption = "WITH_TRAFFIC_CONTROL" },
            blueGreenDeploymentConfiguration = new
            {
                terminateBlueInstancesOnDeploymentSuccess = new { action = "TERMINATE", terminationWaitTimeInMinutes = 0 },
                deploymentReadyOption = new { actionOnTimeout = "CONTINUE_DEPLOYMENT" },
                greenFleetProvisioningOption = new { action = "COPY_AUTO_SCALING_GROUP" },
            },
            alarmConfiguration = new { enabled = true, alarms = new[] { new { name = N.Alarm } } },
            autoRollbackConfiguration = new { enabled = true, events = new[] { "DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM" } },
        });
        return $"blue/green (copy the scaling group, terminate blue on success), alarm {N.Alarm}, roll back on failure or alarm";
    }

    private async Task<string> DeployV2Async()
    {
        var sha = await api.UploadAsync(Path.Combine(bundles, "v2"));
        await using var load = DemoLoad.Start(Front!, RequestsPerSecond);
        await load.WaitForCountAsync(20, DemoApi.Timeout, CancellationToken.None);
        say.Say($"load: {RequestsPerSecond} requests/s through {Front}");
        var id = await api.DeployAsync(sha, "canary:10:8s");
        var weights = new List<int>();
        var end = await DeploymentProgress.WaitForEndAsync(api, say, id, weights);
        var endedAt = load.Now;
        await load.WaitForCountAsync(load.Count + 60, DemoApi.Timeout, CancellationToken.None);
        var tally = await load.StopAsync();
        var after = tally.SentFrom(endedAt);
        Record(id, "v2", "blue/green, canary 10 % then 100 %", end, tally);
        say.Say($"load during the deployment: {new LoadTally([.. tally.Answers.Where(a => a.SentAt < endedAt)]).Describe()}");
        say.Say($"load after it: {after.Describe()}");
        say.Say($"traffic split seen (green %): {string.Join(" -> ", weights)}");
        Expect(end, "Succeeded");
        if (tally.Failed > 0)
        {
            throw new DemoCheckFailed($"{tally.Failed} requests failed during the blue/green deployment of v2: {tally.Describe()}");
        }

        if (!weights.Contains(10) || !weights.Contains(100))
        {
            throw new DemoCheckFailed($"expected the traffic split to go through 10 % and 100 % green, saw {string.Join(", ", weights)}");
        }

        if (!tally.ServedBy.ContainsKey(V2))
        {
            throw new DemoCheckFailed($"no request was served by {V2}: {tally.Describe()}");
        }

        if (after.ServedBy.Keys.Any(v => v != V2))
        {
            throw new DemoCheckFailed($"after the deployment succeeded every request should be served by {V2}: {after.Describe()}");
        }

        var green = await api.GroupScalingGroupAsync();
        say.Say($"the group now runs on {green}, the green copy of {N.ScalingGroup}");
        await Poll.UntilAsync(() => api.ExistsAsync($"auto-scaling-groups/{N.ScalingGroup}"), exists => !exists, DemoApi.Timeout,
            $"the blue scaling group {N.ScalingGroup} terminated and deleted", _ => "still there", CancellationToken.None);
        say.Say($"the blue scaling group {N.ScalingGroup} and its 5 instances are gone");
        await ExpectServedAsync(green, V2, 5);
        var greenIds = (await api.InstancesAsync(green)).Where(i => i.State == "InService").Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        await Poll.UntilAsync(api.TargetsAsync, t => t.Count == 5 && t.All(x => greenIds.Contains(x.InstanceId) && x.State == "healthy"), DemoApi.Timeout,
            $"{N.TargetGroup} holding only the 5 v2 instances", DemoApi.Describe, CancellationToken.None);
        return $"{id} Succeeded; {tally.Describe()}";
    }

    private async Task<string> DeployV3Async()
    {
        var blue = await api.GroupScalingGroupAsync();
        var blueIds = (await api.InstancesAsync(blue)).Where(i => i.State == "InService").Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var sha = await api.UploadAsync(Path.Combine(bundles, "v3-5xx"));
        await using var load = DemoLoad.Start(Front!, RequestsPerSecond);
        await load.WaitForCountAsync(20, DemoApi.Timeout, CancellationToken.None);
        say.Say($"load: {RequestsPerSecond} requests/s through {Front}");
        var id = await api.DeployAsync(sha, "canary:10:60s");
        var end = await DeploymentProgress.WaitForEndAsync(api, say, id);
        var stoppedAt = load.Now;
        Expect(end, "Stopped");
        var code = end["errorInformation"]?["code"]?.GetValue<string>();
        if (code != "ALARM_ACTIVE")
        {
            Record(id, "v3-5xx", "blue/green, canary 10 %", end, load.Snapshot());
            throw new DemoCheckFailed($"{id} stopped with {code ?? "no error code"}, expected ALARM_ACTIVE (the alarm {N.Alarm}): {end["errorInformation"]?["message"]}");
        }

        say.Say($"{id} stopped by the alarm: {end["errorInformation"]?["message"]}");
        var linked = await Poll.UntilAsync(() => api.DeploymentAsync(id), d => d["rollbackInfo"]?["rollbackDeploymentId"] is not null, TimeSpan.FromSeconds(30),
            $"the rollback deployment of {id}", d => d["rollbackInfo"]?.ToJsonString() ?? "no rollbackInfo", CancellationToken.None);
        var rollbackId = linked["rollbackInfo"]!["rollbackDeploymentId"]!.GetValue<string>();
        say.Say($"automatic rollback: {rollbackId}");
        var rollback = await DeploymentProgress.WaitForEndAsync(api, say, rollbackId);
        var rolledBackAt = load.Now;
        await load.WaitForCountAsync(load.Count + 40, DemoApi.Timeout, CancellationToken.None);
        var tally = await load.StopAsync();
        var during = new LoadTally([.. tally.Answers.Where(a => a.SentAt < stoppedAt)]);
        var after = tally.SentFrom(rolledBackAt);
        Record(id, "v3-5xx", "blue/green, canary 10 %", end, during);
        Record(rollbackId, "v2", $"automatic rollback of {id}", rollback, new LoadTally([.. tally.Answers.Where(a => a.SentAt >= stoppedAt)]));
        say.Say($"load until the stop: {during.Describe()}");
        say.Say($"load after the rollback: {after.Describe()}");
        Expect(rollback, "Succeeded");
        if (!during.FailedBy.ContainsKey($"500 from {V3}"))
        {
            throw new DemoCheckFailed($"no request saw v3's 500 during its canary: {during.Describe()}");
        }

        var unexpected = tally.FailedBy.Where(f => f.Key != $"500 from {V3}").ToList();
        if (unexpected.Count > 0)
        {
            throw new DemoCheckFailed($"requests failed other than v3's own 500s: {string.Join(", ", unexpected.Select(f => $"{f.Value} {f.Key}"))}");
        }

        if (after.Failed > 0 || after.ServedBy.Keys.Any(v => v != V2) || after.Sent == 0)
        {
            throw new DemoCheckFailed($"after the rollback every request should be served by {V2}: {after.Describe()}");
        }

        var back = await api.GroupScalingGroupAsync();
        var targets = await Poll.UntilAsync(api.TargetsAsync, t => t.Count == blueIds.Count && t.All(x => blueIds.Contains(x.InstanceId) && x.Pool == "blue"), DemoApi.Timeout,
            $"{N.TargetGroup} back on the v2 instances only (pool blue)", DemoApi.Describe, CancellationToken.None);
        var split = await GreenWeightAsync();
        say.Say($"{N.TargetGroup}: {DemoApi.Describe(targets)}, all v2 instances of {back}; green weight {split?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} %");
        if (back != blue || split is not (null or 0))
        {
            throw new DemoCheckFailed($"expected the group back on {blue} with no traffic on green, found {back} and green weight {split} %");
        }

        await ExpectServedAsync(blue, V2, blueIds.Count);
        return $"{id} stopped by the alarm, {rollbackId} rolled back; traffic back on v2 ({after.Describe()})";
    }

    private async Task<int?> GreenWeightAsync()
    {
        var body = await api.GetAsync($"target-groups/{N.TargetGroup}");
        return (body["targetGroup"] ?? body)["greenWeight"]?.GetValue<int>();
    }
}
