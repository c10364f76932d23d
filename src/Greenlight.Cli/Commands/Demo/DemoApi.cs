using System.Text.Json.Nodes;
using Greenlight.Cli.Api;

namespace Greenlight.Cli.Commands.Demo;

/// <summary>The API calls of the demo, on its own resources (<see cref="DemoNames"/>), with bounded waits.</summary>
internal sealed class DemoApi(ApiConnection api, DemoNames names, CancellationToken ct)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(100);

    /// <summary>An instance of a scaling group as the API shows it.</summary>
    public sealed record Instance(string Id, string State, string Address);

    /// <summary>A target of the demo's target group.</summary>
    public sealed record Target(string InstanceId, string Pool, string State);

    public ApiConnection Connection => api;

    public DemoNames Names => names;

    public Task<JsonNode> PostAsync(string path, object body) => api.PostAsync(path, body, ct);

    public Task<JsonNode> PutAsync(string path, object body) => api.PutAsync(path, body, ct);

    public Task<JsonNode> GetAsync(string path) => api.GetAsync(path, ct);

    /// <summary>Whether the resource exists (a 404 says no).</summary>
    public async Task<bool> ExistsAsync(string path)
    {
        try
        {
            await api.GetAsync(path, ct);
            return true;
        }
        catch (ApiException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <summary>Zips and uploads a bundle directory; its sha256.</summary>
    public async Task<string> UploadAsync(string bundleDirectory)
    {
        var uploaded = await api.PostBytesAsync($"applications/{names.Application}/revisions?bundleType=zip", BundleZipper.Zip(bundleDirectory), ct);
        return uploaded["revisionLocation"]!["bundle"]!["sha256"]!.GetValue<string>();
    }

    public async Task<string> DeployAsync(string sha256, string? trafficRouting = null)
    {
        var body = new JsonObject
        {
            ["applicationName"] = names.Application,
            ["deploymentGroupName"] = names.Group,
            ["revision"] = new JsonObject { ["revisionType"] = "Bundle", ["bundle"] = new JsonObject { ["sha256"] = sha256, ["bundleType"] = "zip" } },
        };
        if (trafficRouting is not null)
        {
            body["trafficRouting"] = trafficRouting;
        }

        return (await api.PostAsync("deployments", body, ct))["deploymentId"]!.GetValue<string>();
    }

    public async Task<JsonNode> DeploymentAsync(string id) => (await api.GetAsync($"deployments/{id}", ct))["deploymentInfo"]!;

    /// <summary>The group's deployments, newest first: id, creator, status.</summary>
    public async Task<IReadOnlyList<(string Id, string Creator, string Status)>> DeploymentsAsync()
    {
        var list = await api.GetAsync($"deployments?applicationName={names.Application}&deploymentGroupName={names.Group}", ct);
        var result = new List<(string, string, string)>();
        foreach (var id in list["deployments"]!.AsArray().Select(d => d!.GetValue<string>()))
        {
            var info = await DeploymentAsync(id);
            result.Add((id, info["creator"]!.GetValue<string>(), info["status"]!.GetValue<string>()));
        }

        return result;
    }

    /// <summary>Each target's status in the deployment (instance id → Succeeded, Failed...).</summary>
    public async Task<IReadOnlyDictionary<string, string>> TargetStatusesAsync(string deploymentId)
    {
        var body = await api.GetAsync($"deployments/{deploymentId}/targets", ct);
        return body["deploymentTargets"]!.AsArray().Select(t => t!["instanceTarget"]!)
            .ToDictionary(t => t["targetId"]!.GetValue<string>(), t => t["status"]!.GetValue<string>(), StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<Instance>> InstancesAsync(string scalingGroup)
    {
        var body = await api.GetAsync($"auto-scaling-groups/{scalingGroup}/instances", ct);
        return [.. body["instances"]!.AsArray().Select(i => new Instance(
            i!["instanceId"]!.GetValue<string>(), i["lifecycleState"]!.GetValue<string>(), i["address"]?.GetValue<string>() ?? ""))];
    }

    /// <summary>Waits until exactly <paramref name="count"/> instances are InService and none is on its way in or out.</summary>
    public async Task<IReadOnlyList<Instance>> WaitForInServiceAsync(string scalingGroup, int count) =>
        [.. (await Poll.UntilAsync(() => InstancesAsync(scalingGroup),
            all => all.Count(i => i.State == "InService") == count && all.All(i => i.State is "InService" or "Terminated"),
            Timeout, $"{count} instances of {scalingGroup} InService",
            all => string.Join(", ", all.GroupBy(i => i.State).Select(g => $"{g.Count()} {g.Key}")), ct)).Where(i => i.State == "InService")];

    /// <summary>The target group's targets that are not draining.</summary>
    public async Task<IReadOnlyList<Target>> TargetsAsync()
    {
        var body = await api.GetAsync($"target-groups/{names.TargetGroup}/targets", ct);
        return [.. body["targets"]!.AsArray()
            .Select(t => new Target(t!["instanceId"]!.GetValue<string>(), t["pool"]!.GetValue<string>(), t["state"]!.GetValue<string>()))
            .Where(t => t.State != "draining")];
    }

    public Task<IReadOnlyList<Target>> WaitForHealthyAsync(int count) =>
        Poll.UntilAsync(TargetsAsync, t => t.Count == count && t.All(x => x.State == "healthy"), Timeout,
            $"{count} healthy targets in {names.TargetGroup}", Describe, ct);

    public async Task<JsonNode> GroupAsync() =>
        (await api.GetAsync($"applications/{names.Application}/deployment-groups/{names.Group}", ct))["deploymentGroupInfo"]!;

    /// <summary>The group's scaling group (the green copy after a blue/green deployment).</summary>
    public async Task<string> GroupScalingGroupAsync() =>
        (await GroupAsync())["autoScalingGroups"]!.AsArray().Select(g => g!.GetValue<string>()).Single();

    /// <summary><c>4 healthy (blue), 1 initial (green)</c>.</summary>
    public static string Describe(IReadOnlyList<Target> targets) => targets.Count == 0
        ? "no targets"
        : string.Join(", ", targets.GroupBy(t => (t.State, t.Pool)).Select(g => $"{g.Count()} {g.Key.State} ({g.Key.Pool})"));
}
