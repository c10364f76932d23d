using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Greenlight.Testing;

namespace Greenlight.Server.Tests.Api;

/// <summary>Sets up an application, a group selecting instances by tag, the instances, and uploads revisions.</summary>
internal static class TestFleet
{
    public static async Task<string[]> CreateAsync(ApiClient admin, int instances, object? groupExtras = null)
    {
        Assert.Equal(201, (await admin.PostAsync("/api/v1/applications", new { applicationName = "web" })).Status);
        var group = new JsonObject
        {
            ["deploymentGroupName"] = "prod",
            ["deploymentConfigName"] = "CodeDeployDefault.HalfAtATime",
            ["onPremisesInstanceTagFilters"] = new JsonArray(new JsonObject { ["Key"] = "role", ["Value"] = "web", ["Type"] = "KEY_AND_VALUE" }),
        };
        if (groupExtras is not null)
        {
            foreach (var (key, value) in JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(groupExtras, ApiClient.Json))!.AsObject())
            {
                group[key] = value?.DeepClone();
            }
        }

        Assert.Equal(201, (await admin.PostAsync("/api/v1/applications/web/deployment-groups", group)).Status);
        var names = Enumerable.Range(1, instances).Select(i => $"i-{i}").ToArray();
        foreach (var name in names)
        {
            Assert.Equal(200, (await admin.PutAsync($"/api/v1/instances/{name}", new { tags = new[] { new { Key = "role", Value = "web" } } })).Status);
        }

        await admin.PutAsync("/api/v1/instances/db-1", new { tags = new[] { new { Key = "role", Value = "db" } } });
        return names;
    }

    public static async Task<(int Status, JsonNode? Body)> UploadAsync(ApiClient admin, byte[] bundle, string type = "zip")
    {
        using var content = new ByteArrayContent(bundle);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await admin.Http.PostAsync($"api/v1/applications/web/revisions?bundleType={type}", content);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text));
    }

    public static async Task<string> RevisionAsync(ApiClient admin, string version)
    {
        var (status, body) = await UploadAsync(admin, TestBundles.Zip(version));
        Assert.True(status == 201, body?.ToJsonString());
        return body!["revisionLocation"]!["bundle"]!["sha256"]!.GetValue<string>();
    }

    public static async Task<(int Status, JsonNode? Body)> DeployAsync(ApiClient admin, string sha, object? extras = null)
    {
        var input = new JsonObject
        {
            ["applicationName"] = "web",
            ["deploymentGroupName"] = "prod",
            ["revision"] = new JsonObject { ["revisionType"] = "Bundle", ["bundle"] = new JsonObject { ["sha256"] = sha, ["bundleType"] = "zip" } },
        };
        if (extras is not null)
        {
            foreach (var (key, value) in JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(extras, ApiClient.Json))!.AsObject())
            {
                input[key] = value?.DeepClone();
            }
        }

        return await admin.PostAsync("/api/v1/deployments", input);
    }

    public static async Task<JsonNode> InfoAsync(ApiClient admin, string deploymentId) =>
        (await admin.GetAsync($"/api/v1/deployments/{deploymentId}")).Body!["deploymentInfo"]!;

    public static async Task<string> StatusAsync(ApiClient admin, string deploymentId) =>
        (await InfoAsync(admin, deploymentId))["status"]!.GetValue<string>();

    public static async Task<bool> IsTerminalAsync(ApiClient admin, string deploymentId) =>
        await StatusAsync(admin, deploymentId) is "Succeeded" or "Failed" or "Stopped";
}
