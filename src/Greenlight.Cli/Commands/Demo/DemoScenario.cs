using Greenlight.Cli.Commands.Up;

namespace Greenlight.Cli.Commands.Demo;

/// <summary>
/// The scenario of issue 9, step by step, against a server: an application and deployment group over an auto scaling
/// group of 4 local instances behind the built-in load balancer; v1 in place (HalfAtATime); scale out to 5 (the new
/// instance gets v1 by its launch deployment); blue/green v2 with a canary under load; the broken v3 whose 5xx trip an
/// alarm during its canary, rolled back automatically. Each step checks what it expects and throws
/// <see cref="DemoCheckFailed"/> otherwise.
/// </summary>
internal sealed partial class DemoScenario(DemoApi api, DemoNarrator say, string bundles)
{
    private const string V1 = "1.0.0";
    private const string V2 = "2.0.0";
    private const string V3 = "3.0.0";

    private DemoNames N => api.Names;

    /// <summary>The load balancer's listener, once created.</summary>
    public Uri? Front { get; private set; }

    public async Task RunAsync()
    {
        await say.StepAsync("create the front", $"Creating target group {N.TargetGroup} (port 18080) and load balancer {N.LoadBalancer} on a free loopback port", CreateFrontAsync);
        await say.StepAsync("create the fleet", $"Creating application {N.Application}, launch template {N.LaunchTemplate}, auto scaling group {N.ScalingGroup}, deployment group {N.Group}", CreateFleetAsync);
        await say.StepAsync("4 instances", $"Scaling {N.ScalingGroup} to 4 local instances (each an agent on its own 127.0.1.x)", () => ScaleAsync(4));
        await say.StepAsync("deploy v1 in place", "Deploying v1 in place with CodeDeployDefault.HalfAtATime", DeployV1Async);
        await say.StepAsync("scale out to 5", "Scaling out to 5: the new instance gets v1 by its launch deployment", ScaleOutAsync);
        await say.StepAsync("switch to blue/green", "Switching the group to blue/green with traffic control, watching alarm " + N.Alarm, SwitchToBlueGreenAsync);
        await say.StepAsync("deploy v2 blue/green", "Deploying v2 blue/green (canary 10 % for 8 s, then 100 %) under load", DeployV2Async);
        await say.StepAsync("deploy broken v3", "Deploying the broken v3 (its home page answers 500) blue/green with a canary, under load", DeployV3Async);
    }

    private async Task<string> CreateFrontAsync()
    {
        var front = await LocalFront.EnsureAsync(api.Connection, new LocalFront.Spec(N.LoadBalancer, N.TargetGroup, "127.0.0.1:0", HealthIntervalSeconds: 0.5, DeregistrationDelaySeconds: 2), CancellationToken.None);
        if (front.Bound is null)
        {
            throw new DemoCheckFailed($"the load balancer's listener did not start: {front.Error}");
        }

        Front = new Uri($"http://{front.Bound}/");
        say.Say($"load balancer {N.LoadBalancer} listens on {Front} and forwards to {N.TargetGroup}");
        return Front.ToString();
    }

    private async Task<string> CreateFleetAsync()
    {
        await api.PostAsync("applications", new { applicationName = N.Application });
        await api.PostAsync("launch-templates", new
        {
            launchTemplateName = N.LaunchTemplate,
            launchTemplateData = new { tags = new[] { new { key = "role", value = "web" } }, agent = new { pollWait = "2s" } },
        });
        // Desired 0 first: the instances are launched once the deployment group has put its launch hook on the group.
        await api.PostAsync("auto-scaling-groups", new
        {
            autoScalingGroupName = N.ScalingGroup, launchTemplate = new { launchTemplateName = N.LaunchTemplate },
            minSize = 0, maxSize = 12, desiredCapacity = 0, healthCheckGracePeriod = 30, targetGroupNames = new[] { N.TargetGroup },
        });
        await api.PostAsync($"applications/{N.Application}/deployment-groups", new
        {
            deploymentGroupName = N.Group,
            deploymentConfigName = "CodeDeployDefault.HalfAtATime",
            autoScalingGroups = new[] { N.ScalingGroup },
            deploymentStyle = new { deploymentType = "IN_PLACE", deploymentOption = "WITH_TRAFFIC_CONTROL" },
            loadBalancerInfo = new { targetGroupInfoList = new[] { new { name = N.TargetGroup } } },
            autoRollbackConfiguration = new { enabled = true, events = new[] { "DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM" } },
        });
        return $"{N.Application}/{N.Group} over {N.ScalingGroup} (in place, HalfAtATime, traffic through {N.TargetGroup})";
    }

    private async Task<string> ScaleAsync(int count)
    {
        await api.PostAsync($"auto-scaling-groups/{N.ScalingGroup}/desired-capacity", new { desiredCapacity = count });
        var instances = await api.WaitForInServiceAsync(N.ScalingGroup, count);
        foreach (var i in instances)
        {
            say.Say($"{i.Id} InService at {i.Address}");
        }

        return $"{instances.Count} InService";
    }

    private async Task<string> DeployV1Async()
    {
        var sha = await api.UploadAsync(Path.Combine(bundles, "v1"));
        say.Say($"uploaded v1: sha256 {sha[..12]}...");
        var id = await api.DeployAsync(sha);
        var end = await DeploymentProgress.WaitForEndAsync(api, say, id);
        Record(id, "v1", "in place, HalfAtATime", end, null);
        Expect(end, "Succeeded");
        await api.WaitForHealthyAsync(4);
        await ExpectServedAsync(N.ScalingGroup, V1, 4);
        return $"{id} Succeeded; 4 instances serve {V1}";
    }

    private async Task<string> ScaleOutAsync()
    {
        var before = (await api.InstancesAsync(N.ScalingGroup)).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        await api.PostAsync($"auto-scaling-groups/{N.ScalingGroup}/desired-capacity", new { desiredCapacity = 5 });
        var after = await api.WaitForInServiceAsync(N.ScalingGroup, 5);
        var added = after.Where(i => !before.Contains(i.Id)).ToList();
        if (added.Count != 1)
        {
            throw new DemoCheckFailed($"expected one new instance, found {added.Count}");
        }

        var fresh = added[0];
        say.Say($"new instance {fresh.Id} at {fresh.Address}");
        var launch = await Poll.UntilAsync(api.DeploymentsAsync, all => all.Any(d => d.Creator == "autoscaling"), DemoApi.Timeout,
            "a launch deployment (creator autoscaling)", all => $"{all.Count} deployments", CancellationToken.None);
        var launchId = launch.First(d => d.Creator == "autoscaling").Id;
        var end = await DeploymentProgress.WaitForEndAsync(api, say, launchId);
        Record(launchId, "v1", "launch deployment (scale out)", end, null);
        Expect(end, "Succeeded");
        var targets = await api.TargetStatusesAsync(launchId);
        say.Say($"{launchId} (creator autoscaling) deployed to: {string.Join(", ", targets.Select(t => $"{t.Key} {t.Value}"))}");
        if (!targets.TryGetValue(fresh.Id, out var status) || status != "Succeeded")
        {
            throw new DemoCheckFailed($"the launch deployment {launchId} did not deploy to {fresh.Id}");
        }

        var byUser = launch.Count(d => d.Creator == "user");
        if (byUser != 1)
        {
            throw new DemoCheckFailed($"expected only the v1 deployment by a user so far, found {byUser}");
        }

        await api.WaitForHealthyAsync(5);
        await ExpectServedAsync(N.ScalingGroup, V1, 5);
        return $"{fresh.Id} got v1 by {launchId} (autoscaling); 5 serve {V1}";
    }

    /// <summary>Asks every InService instance of the scaling group for its version on ADDRESS:18080/version.</summary>
    private async Task ExpectServedAsync(string scalingGroup, string version, int count)
    {
        var instances = (await api.InstancesAsync(scalingGroup)).Where(i => i.State == "InService").ToList();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var wrong = new List<string>();
        foreach (var i in instances)
        {
            string served;
            try
            {
                served = (await http.GetStringAsync(new Uri($"http://{i.Address}:18080/version"))).Trim();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                served = "no answer";
            }

            say.Say($"{i.Id}  http://{i.Address}:18080/version -> {served}");
            if (served != version)
            {
                wrong.Add($"{i.Id} serves {served}");
            }
        }

        if (instances.Count != count || wrong.Count > 0)
        {
            throw new DemoCheckFailed($"expected {count} instances of {scalingGroup} serving {version}: {instances.Count} InService{(wrong.Count > 0 ? ", " + string.Join(", ", wrong) : "")}");
        }
    }

    private void Record(string id, string revision, string strategy, System.Text.Json.Nodes.JsonNode end, LoadTally? load)
    {
        var status = end["status"]!.GetValue<string>();
        var code = end["errorInformation"]?["code"]?.GetValue<string>();
        say.Summary.Add(new DemoSummary.DeploymentRow(id, revision, strategy, code is null ? status : $"{status} ({code})",
            DeploymentProgress.Duration(end), load is null ? null : $"{load.Failed} of {load.Sent}"));
    }

    private static void Expect(System.Text.Json.Nodes.JsonNode end, string status)
    {
        var actual = end["status"]!.GetValue<string>();
        if (actual != status)
        {
            throw new DemoCheckFailed($"deployment {end["deploymentId"]} ended {actual}, expected {status}: {end["statusReason"]} {end["errorInformation"]?["message"]}");
        }
    }
}
