using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Greenlight.Testing;

namespace Greenlight.EndToEnd.Tests.Fleet;

/// <summary>
/// A real server process with a local auto scaling group: every instance is a real agent process on its own
/// 127.0.x.y, started by the server. Application <c>web</c>, deployment group <c>prod</c> naming the scaling group
/// <c>asg-web</c>. Short timeouts (test profile, 10 s heartbeat: long enough that a starved agent on a loaded 2-core machine is not replaced; the lost-agent test passes 3 s) keep the tests quick.
/// </summary>
internal sealed class FleetScenario : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private readonly TempDirectory _dir;

    private FleetScenario(TempDirectory dir, ServerProcess server, ApiClient admin)
    {
        _dir = dir;
        Server = server;
        Admin = admin;
    }

    public ServerProcess Server { get; }

    public ApiClient Admin { get; }

    public string DataDirectory => _dir.Combine("server");

    public static async Task<FleetScenario> StartAsync(string heartbeatTimeout = "10s")
    {
        var dir = new TempDirectory("gl-fleet");
        var server = await ServerProcess.StartAsync(dir.Combine("server"), "127.0.0.1:0", extraArguments: ["--agent-heartbeat-timeout", heartbeatTimeout]);
        var admin = new ApiClient(server.Url, (await File.ReadAllTextAsync(dir.Combine("server", "admin.token"))).Trim());
        return new FleetScenario(dir, server, admin);
    }

    /// <summary>Template, scaling group of <paramref name="capacity"/>, application and deployment group; waits until every instance is InService.</summary>
    public async Task<IReadOnlyList<FleetInstance>> CreateFleetAsync(int capacity, string config = "CodeDeployDefault.OneAtATime", object? groupExtras = null, int maxSize = 8, object? scalingExtras = null)
    {
        await Expect(201, Admin.PostAsync("/api/v1/launch-templates", new
        {
            launchTemplateName = "web",
            launchTemplateData = new { tags = new[] { new { key = "role", value = "web" } } },
        }));
        await Expect(201, Admin.PostAsync("/api/v1/auto-scaling-groups", Merge(new
        {
            autoScalingGroupName = "asg-web", launchTemplate = new { launchTemplateName = "web" }, minSize = 0, maxSize, desiredCapacity = capacity, healthCheckGracePeriod = 0,
        }, scalingExtras)));
        await Expect(201, Admin.PostAsync("/api/v1/applications", new { applicationName = "web" }));
        var group = Merge(new { deploymentGroupName = "prod", deploymentConfigName = config, autoScalingGroups = new[] { "asg-web" } }, groupExtras);
        await Expect(201, Admin.PostAsync("/api/v1/applications/web/deployment-groups", group));
        return await WaitForInServiceAsync(capacity);
    }

    /// <summary>A request body: <paramref name="body"/> with the fields of <paramref name="extras"/> added or replaced.</summary>
    public static JsonObject Merge(object body, object? extras)
    {
        var merged = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(body, ApiClient.Json))!.AsObject();
        if (extras is not null)
        {
            foreach (var (key, value) in JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(extras, ApiClient.Json))!.AsObject())
            {
                merged[key] = value?.DeepClone();
            }
        }

        return merged;
    }

    public Task<IReadOnlyList<FleetInstance>> InstancesAsync() => InstancesAsync("asg-web");

    public async Task<IReadOnlyList<FleetInstance>> InstancesAsync(string scalingGroup)
    {
        var (_, body) = await Admin.GetAsync($"/api/v1/auto-scaling-groups/{scalingGroup}/instances");
        return [.. body!["instances"]!.AsArray().Select(i => new FleetInstance(
            i!["instanceId"]!.GetValue<string>(), i["lifecycleState"]!.GetValue<string>(), i["address"]?.GetValue<string>() ?? "", i["statusReason"]?.GetValue<string>()))];
    }

    /// <summary>Waits until exactly <paramref name="count"/> instances are InService and none is on its way in or out.</summary>
    public async Task<IReadOnlyList<FleetInstance>> WaitForInServiceAsync(int count) =>
        [.. (await Eventually.Until(InstancesAsync,
            all => all.Count(i => i.State == "InService") == count && all.All(i => i.State is "InService" or "Terminated"),
            Timeout, $"{count} instances InService ({Server.Output.Split('\n').TakeLast(5).LastOrDefault()})")).Where(i => i.State == "InService")];

    public async Task ScaleAsync(int desired) => await Expect(200, Admin.PostAsync("/api/v1/auto-scaling-groups/asg-web/desired-capacity", new { desiredCapacity = desired }));

    /// <summary>A copy of the sample's broken bundle whose ValidateService fails only on the given instances (its fail-only-on.txt).</summary>
    public string BrokenOn(params string[] instanceIds)
    {
        var copy = _dir.Combine("bundles", "broken-" + string.Join('-', instanceIds));
        CopyDirectory(SampleApp.Bundle("broken"), copy);
        File.WriteAllLines(Path.Combine(copy, "fail-only-on.txt"), instanceIds);
        return copy;
    }

    /// <summary>Zips a bundle directory, uploads it and returns its sha256.</summary>
    public async Task<string> UploadAsync(string bundleDirectory)
    {
        using var buffer = new MemoryStream();
        ZipFile.CreateFromDirectory(bundleDirectory, buffer);
        using var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var upload = await Admin.Http.PostAsync("api/v1/applications/web/revisions?bundleType=zip", content);
        var body = await upload.Content.ReadAsStringAsync();
        Assert.True(upload.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["revisionLocation"]!["bundle"]!["sha256"]!.GetValue<string>();
    }

    public async Task<string> DeployAsync(string sha, string? config = null, object? extras = null)
    {
        var (status, created) = await Admin.PostAsync("/api/v1/deployments", Merge(new
        {
            applicationName = "web",
            deploymentGroupName = "prod",
            deploymentConfigName = config,
            revision = new { revisionType = "Bundle", bundle = new { sha256 = sha, bundleType = "zip" } },
        }, extras));
        Assert.True(status == 201, created?.ToJsonString());
        return created!["deploymentId"]!.GetValue<string>();
    }

    public async Task<JsonNode> WaitForEndAsync(string deploymentId) =>
        await Eventually.Until(async () => (await Admin.GetAsync($"/api/v1/deployments/{deploymentId}")).Body!["deploymentInfo"]!,
            d => d["status"]!.GetValue<string>() is "Succeeded" or "Failed" or "Stopped", Timeout, $"deployment {deploymentId} ends");

    /// <summary>The group's deployments, newest first, with their creator, status and targets.</summary>
    public async Task<IReadOnlyList<(string Id, string Creator, string Status, string[] Targets)>> DeploymentsAsync()
    {
        var (_, list) = await Admin.GetAsync("/api/v1/deployments?applicationName=web&deploymentGroupName=prod");
        var result = new List<(string, string, string, string[])>();
        foreach (var id in list!["deployments"]!.AsArray().Select(d => d!.GetValue<string>()))
        {
            var info = (await Admin.GetAsync($"/api/v1/deployments/{id}")).Body!["deploymentInfo"]!;
            var targets = (await TargetStatusesAsync(id)).Keys.ToArray();
            result.Add((id, info["creator"]!.GetValue<string>(), info["status"]!.GetValue<string>(), targets));
        }

        return result;
    }

    /// <summary>Each target's status in the deployment (instance id → Succeeded, Failed, Skipped...).</summary>
    public async Task<IReadOnlyDictionary<string, string>> TargetStatusesAsync(string deploymentId)
    {
        var (_, body) = await Admin.GetAsync($"/api/v1/deployments/{deploymentId}/targets");
        return body!["deploymentTargets"]!.AsArray().Select(t => t!["instanceTarget"]!)
            .ToDictionary(t => t["targetId"]!.GetValue<string>(), t => t["status"]!.GetValue<string>(), StringComparer.Ordinal);
    }

    /// <summary>What the sample application on an instance says its version is, or null if nothing answers.</summary>
    public static async Task<string?> ServedVersionAsync(string address)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            return (await http.GetStringAsync(new Uri($"http://{address}:18080/version"))).Trim();
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>The PID of an instance's agent (found by its command line; local instances only).</summary>
    public static int AgentPid(string instanceId) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => (Pid: int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0, Dir: d))
            .Where(p => p.Pid > 0)
            .First(p =>
            {
                try
                {
                    var args = File.ReadAllText(Path.Combine(p.Dir, "cmdline")).Split('\0');
                    return args.Contains("agent") && args.SkipWhile(a => a != "--name").Skip(1).FirstOrDefault() == instanceId;
                }
                catch (IOException)
                {
                    return false;
                }
                catch (UnauthorizedAccessException)
                {
                    return false;
                }
            }).Pid;

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        try
        {
            await Server.StopAsync(); // SIGTERM: the server stops its local instances and what their hooks started
        }
        catch (TimeoutException)
        {
            // Disposing kills it and its process tree.
        }

        await Server.DisposeAsync();
        _dir.Dispose();
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }

    public static async Task Expect(int status, Task<(int Status, JsonNode? Body)> call)
    {
        var (actual, body) = await call;
        Assert.True(actual == status, $"expected {status}, got {actual}: {body?.ToJsonString()}");
    }
}

/// <summary>An instance of the scaling group as the API shows it.</summary>
internal sealed record FleetInstance(string InstanceId, string State, string Address, string? Reason);
