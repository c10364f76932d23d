using Greenlight.Testing;

namespace Greenlight.Server.Tests.Api;

/// <summary>What blue/green groups need before they can be created: a target group, a launch template and a scaling group.</summary>
internal static class BlueGreen
{
    /// <summary>Creates a target group through the API (port 8080).</summary>
    public static async Task TargetGroupAsync(TestServer server, string name = "tg-web")
    {
        var (status, body) = await server.Admin.PostAsync("/api/v1/target-groups", new { targetGroupName = name, port = 8080 });
        Assert.True(status == 201, body?.ToJsonString());
    }

    /// <summary>Application web, target group tg-web, launch template web (tagged role=web) and scaling group asg-web of <paramref name="desired"/>.</summary>
    public static async Task PrepareAsync(TestServer server, int desired = 0)
    {
        await TargetGroupAsync(server);
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/applications", new { applicationName = "web" })).Status);
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/launch-templates", new
        {
            launchTemplateName = "web",
            launchTemplateData = new { tags = new[] { new { key = "role", value = "web" } } },
        })).Status);
        var (status, body) = await server.Admin.PostAsync("/api/v1/auto-scaling-groups", new
        {
            autoScalingGroupName = "asg-web", launchTemplate = new { launchTemplateName = "web" }, minSize = 0, maxSize = 4, desiredCapacity = desired, healthCheckGracePeriod = 0,
        });
        Assert.True(status == 201, body?.ToJsonString());
    }

    /// <summary>A BLUE_GREEN group body naming asg-web and tg-web; <paramref name="extras"/> replace or add fields.</summary>
    public static System.Text.Json.Nodes.JsonObject Group(string name = "prod", object? extras = null)
    {
        var group = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(new
        {
            deploymentGroupName = name,
            deploymentStyle = new { deploymentType = "BLUE_GREEN", deploymentOption = "WITH_TRAFFIC_CONTROL" },
            autoScalingGroups = new[] { "asg-web" },
            loadBalancerInfo = new { targetGroupInfoList = new[] { new { name = "tg-web" } } },
        }, ApiClient.Json))!.AsObject();
        if (extras is not null)
        {
            foreach (var (key, value) in System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(extras, ApiClient.Json))!.AsObject())
            {
                group[key] = value?.DeepClone();
            }
        }

        return group;
    }
}
