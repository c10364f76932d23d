using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Greenlight.Testing;

namespace Greenlight.EndToEnd.Tests;

/// <summary>
/// Real processes all the way: a server, agents enrolled with a token, a real bundle with real bash hooks, installs into
/// each instance's sandbox. Then faults: an agent killed mid-hook and restarted.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class AgentEndToEndTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Deploy_TwoEnrolledAgents_RunTheWholeLifecycleAndInstallTheFiles()
    {
        using var dir = new TempDirectory("gl-agents");
        await using var server = await ServerProcess.StartAsync(dir.Combine("server"), "127.0.0.1:0");
        using var admin = new ApiClient(server.Url, (await File.ReadAllTextAsync(dir.Combine("server", "admin.token"))).Trim());
        var enrollment = await EnrollmentTokenAsync(admin, uses: 2);
        await using var web1 = AgentProcess.Start(server.Url, "web-1", dir.Path, enrollment);
        await using var web2 = AgentProcess.Start(server.Url, "web-2", dir.Path, enrollment);
        await WaitForInstancesAsync(admin, "web-1", "web-2");
        var sha = await SetUpAsync(admin, WebBundle.Zip("v1"));

        var id = await DeployAsync(admin, sha);
        var status = await Eventually.Until(() => StatusAsync(admin, id), s => s is "Succeeded" or "Failed" or "Stopped", Timeout, "deployment ends");

        Assert.True(status == "Succeeded", $"deployment {status}\nweb-1:\n{web1.Output}\nweb-2:\n{web2.Output}");
        foreach (var agent in new[] { web1, web2 })
        {
            Assert.Equal("<h1>v1</h1>\n", await File.ReadAllTextAsync(Path.Combine(agent.InstanceRoot, "opt", "web", "index.html")));
            var events = (await File.ReadAllLinesAsync(Path.Combine(agent.InstanceRoot, "var", "hooks", "events.log"))).Select(l => l.Split(' ')).ToList();
            Assert.Equal(["BeforeInstall", "AfterInstall", "ApplicationStart", "ValidateService"], events.Select(e => e[0]));
            Assert.All(events, e => Assert.Equal([id, agent.Name, "web", "prod"], e[1..]));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(agent.Root, "agent.credential")));
        }

        var logs = (await admin.GetAsync($"/api/v1/deployments/{id}/targets/web-1/logs")).Body!["logs"]!.AsArray();
        Assert.Contains(logs.SelectMany(l => l!["lines"]!.AsArray()), l => l!["line"]!.GetValue<string>() == "ran ValidateService");
    }

    [Fact]
    public async Task Deploy_SecondRevision_RunsTheOldRevisionsApplicationStopAndReplacesTheFiles()
    {
        using var dir = new TempDirectory("gl-agents");
        await using var server = await ServerProcess.StartAsync(dir.Combine("server"), "127.0.0.1:0");
        using var admin = new ApiClient(server.Url, (await File.ReadAllTextAsync(dir.Combine("server", "admin.token"))).Trim());
        await using var web1 = AgentProcess.Start(server.Url, "web-1", dir.Path, await EnrollmentTokenAsync(admin, uses: 1));
        await WaitForInstancesAsync(admin, "web-1");
        var v1 = await SetUpAsync(admin, WebBundle.Zip("v1", stopScript: "#!/bin/bash\necho stop-from-v1 >> \"$GREENLIGHT_INSTANCE_ROOT/stops.log\""));
        var first = await DeployAsync(admin, v1);
        Assert.Equal("Succeeded", await Eventually.Until(() => StatusAsync(admin, first), s => s is "Succeeded" or "Failed", Timeout, "v1 ends"));

        var v2 = await UploadAsync(admin, WebBundle.Zip("v2", stopScript: "#!/bin/bash\necho stop-from-v2 >> \"$GREENLIGHT_INSTANCE_ROOT/stops.log\""));
        var second = await DeployAsync(admin, v2);
        var status = await Eventually.Until(() => StatusAsync(admin, second), s => s is "Succeeded" or "Failed", Timeout, "v2 ends");

        Assert.True(status == "Succeeded", web1.Output);
        Assert.Equal("<h1>v2</h1>\n", await File.ReadAllTextAsync(Path.Combine(web1.InstanceRoot, "opt", "web", "index.html")));
        Assert.Equal(["stop-from-v1"], await File.ReadAllLinesAsync(Path.Combine(web1.InstanceRoot, "stops.log")));
    }

    internal static async Task<string> EnrollmentTokenAsync(ApiClient admin, int uses)
    {
        var (status, body) = await admin.PostAsync("/api/v1/enrollment-tokens", new { name = "e2e", uses, expiresInHours = 1 });
        Assert.Equal(201, status);
        return body!["token"]!.GetValue<string>();
    }

    internal static Task WaitForInstancesAsync(ApiClient admin, params string[] names) =>
        Eventually.Until(async () => (await admin.GetAsync("/api/v1/instances")).Body!["instanceNames"]!.AsArray().Select(n => n!.GetValue<string>()).ToList(),
            found => names.All(found.Contains), TimeSpan.FromSeconds(60), "agents enrolled");

    internal static async Task<string> SetUpAsync(ApiClient admin, byte[] bundle)
    {
        Assert.Equal(201, (await admin.PostAsync("/api/v1/applications", new { applicationName = "web" })).Status);
        Assert.Equal(201, (await admin.PostAsync("/api/v1/applications/web/deployment-groups", new
        {
            deploymentGroupName = "prod",
            deploymentConfigName = "CodeDeployDefault.AllAtOnce",
            onPremisesInstanceTagFilters = new[] { new { Key = "role", Value = "web", Type = "KEY_AND_VALUE" } },
        })).Status);
        return await UploadAsync(admin, bundle);
    }

    internal static async Task<string> UploadAsync(ApiClient admin, byte[] bundle)
    {
        using var content = new ByteArrayContent(bundle);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var upload = await admin.Http.PostAsync("api/v1/applications/web/revisions?bundleType=zip", content);
        var body = JsonNode.Parse(await upload.Content.ReadAsStringAsync())!;
        Assert.True(upload.IsSuccessStatusCode, body.ToJsonString());
        return body["revisionLocation"]!["bundle"]!["sha256"]!.GetValue<string>();
    }

    internal static async Task<string> DeployAsync(ApiClient admin, string sha)
    {
        var (status, created) = await admin.PostAsync("/api/v1/deployments", new
        {
            applicationName = "web",
            deploymentGroupName = "prod",
            revision = new { revisionType = "Bundle", bundle = new { sha256 = sha, bundleType = "zip" } },
        });
        Assert.True(status == 201, created?.ToJsonString());
        return created!["deploymentId"]!.GetValue<string>();
    }

    internal static async Task<string?> StatusAsync(ApiClient admin, string id) =>
        (await admin.GetAsync($"/api/v1/deployments/{id}")).Body?["deploymentInfo"]?["status"]?.GetValue<string>();
}
