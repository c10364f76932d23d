using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Greenlight.Testing;

namespace Greenlight.EndToEnd.Tests;

/// <summary>The deployment the end-to-end tests drive: three instances, OneAtATime, one revision.</summary>
internal static class Scenario
{
    public static readonly string[] Instances = ["i-1", "i-2", "i-3"];

    public static async Task<string?> SetUpAndDeployAsync(ApiClient admin, string[] instances)
    {
        Assert.Equal(201, (await admin.PostAsync("/api/v1/applications", new { applicationName = "web" })).Status);
        Assert.Equal(201, (await admin.PostAsync("/api/v1/applications/web/deployment-groups", new
        {
            deploymentGroupName = "prod",
            deploymentConfigName = "CodeDeployDefault.OneAtATime",
            onPremisesInstanceTagFilters = new[] { new { Key = "role", Value = "web", Type = "KEY_AND_VALUE" } },
        })).Status);
        foreach (var instance in instances)
        {
            await admin.PutAsync($"/api/v1/instances/{instance}", new { tags = new[] { new { Key = "role", Value = "web" } } });
        }

        using var content = new ByteArrayContent(TestBundles.Zip("v1"));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var upload = await admin.Http.PostAsync("api/v1/applications/web/revisions?bundleType=zip", content);
        var sha = JsonNode.Parse(await upload.Content.ReadAsStringAsync())!["revisionLocation"]!["bundle"]!["sha256"]!.GetValue<string>();
        try
        {
            var (status, created) = await admin.PostAsync("/api/v1/deployments", new
            {
                applicationName = "web",
                deploymentGroupName = "prod",
                revision = new { revisionType = "Bundle", bundle = new { sha256 = sha, bundleType = "zip" } },
            });
            Assert.Equal(201, status);
            return created!["deploymentId"]!.GetValue<string>();
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public static async Task<string?> StatusAsync(ApiClient admin, string deploymentId)
    {
        try
        {
            return (await admin.GetAsync($"/api/v1/deployments/{deploymentId}")).Body?["deploymentInfo"]?["status"]?.GetValue<string>();
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
