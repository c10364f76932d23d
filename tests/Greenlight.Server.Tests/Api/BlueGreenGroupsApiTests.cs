using System.Text.Json.Nodes;
using Greenlight.Testing;

namespace Greenlight.Server.Tests.Api;

/// <summary>Deployment groups' deploymentStyle, loadBalancerInfo, blueGreenDeploymentConfiguration and trafficRouting: validation, storage, updates.</summary>
public sealed class BlueGreenGroupsApiTests
{
    [Theory]
    [InlineData("{\"deploymentStyle\":{\"deploymentType\":\"BLUE_GREEN\"},\"loadBalancerInfo\":null}", "loadBalancerInfo.targetGroupInfoList is required for a BLUE_GREEN group")]
    [InlineData("{\"deploymentStyle\":{\"deploymentType\":\"IN_PLACE\",\"deploymentOption\":\"WITH_TRAFFIC_CONTROL\"},\"loadBalancerInfo\":{\"targetGroupInfoList\":[]}}", "loadBalancerInfo.targetGroupInfoList is required WITH_TRAFFIC_CONTROL")]
    [InlineData("{\"deploymentStyle\":{\"deploymentType\":\"BLUE_GREEN\",\"deploymentOption\":\"SOMETIMES\"}}", "deploymentStyle.deploymentOption 'SOMETIMES'")]
    [InlineData("{\"loadBalancerInfo\":{\"targetGroupInfoList\":[{\"name\":\"tg-nope\"}]}}", "loadBalancerInfo.targetGroupInfoList[0].name: target group 'tg-nope' does not exist")]
    [InlineData("{\"loadBalancerInfo\":{\"targetGroupInfoList\":[{\"name\":\"tg-web\"},{\"name\":\"tg-web\"}]}}", "loadBalancerInfo.targetGroupInfoList[1].name 'tg-web' is named twice")]
    [InlineData("{\"loadBalancerInfo\":{\"targetGroupInfoList\":[{\"name\":\"bad name\"}]}}", "loadBalancerInfo.targetGroupInfoList[0].name 'bad name' is invalid")]
    [InlineData("{\"loadBalancerInfo\":{\"targetGroupInfoList\":[{\"name\":\"a\"},{\"name\":\"b\"},{\"name\":\"c\"},{\"name\":\"d\"},{\"name\":\"e\"},{\"name\":\"f\"},{\"name\":\"g\"},{\"name\":\"h\"},{\"name\":\"i\"},{\"name\":\"j\"},{\"name\":\"k\"}]}}", "names 11 target groups; at most 10")]
    [InlineData("{\"blueGreenDeploymentConfiguration\":{\"deploymentReadyOption\":{\"actionOnTimeout\":\"X\"}}}", "blueGreenDeploymentConfiguration.deploymentReadyOption.actionOnTimeout 'X' must be CONTINUE_DEPLOYMENT or STOP_DEPLOYMENT")]
    [InlineData("{\"blueGreenDeploymentConfiguration\":{\"deploymentReadyOption\":{\"actionOnTimeout\":\"STOP_DEPLOYMENT\",\"waitTimeInMinutes\":2881}}}", "blueGreenDeploymentConfiguration.deploymentReadyOption.waitTimeInMinutes 2881 must be from 0 to 2880")]
    [InlineData("{\"blueGreenDeploymentConfiguration\":{\"deploymentReadyOption\":{\"waitTimeInSeconds\":-1}}}", "blueGreenDeploymentConfiguration.deploymentReadyOption.waitTimeInSeconds -1 must be from 0")]
    [InlineData("{\"blueGreenDeploymentConfiguration\":{\"terminateBlueInstancesOnDeploymentSuccess\":{\"action\":\"EXPLODE\"}}}", "blueGreenDeploymentConfiguration.terminateBlueInstancesOnDeploymentSuccess.action 'EXPLODE' must be TERMINATE or KEEP_ALIVE")]
    [InlineData("{\"blueGreenDeploymentConfiguration\":{\"terminateBlueInstancesOnDeploymentSuccess\":{\"terminationWaitTimeInMinutes\":-5}}}", "blueGreenDeploymentConfiguration.terminateBlueInstancesOnDeploymentSuccess.terminationWaitTimeInMinutes -5")]
    [InlineData("{\"blueGreenDeploymentConfiguration\":{\"greenFleetProvisioningOption\":{\"action\":\"BORROW\"}}}", "blueGreenDeploymentConfiguration.greenFleetProvisioningOption.action 'BORROW' must be COPY_AUTO_SCALING_GROUP or DISCOVER_EXISTING")]
    [InlineData("{\"trafficRouting\":\"canary:150:5m\"}", "trafficRouting TimeBasedCanary percentage must be a whole number from 1 to 99")]
    [InlineData("{\"trafficRouting\":\"sideways\"}", "trafficRouting 'sideways' is not a traffic schedule")]
    [InlineData("{\"autoScalingGroups\":[]}", "autoScalingGroups names 0 groups; a BLUE_GREEN group with greenFleetProvisioningOption COPY_AUTO_SCALING_GROUP needs exactly one")]
    [InlineData("{\"deploymentStyle\":{\"deploymentType\":\"IN_PLACE\",\"deploymentOption\":\"WITH_TRAFFIC_CONTROL\"},\"trafficRouting\":\"all\"}", "trafficRouting applies to BLUE_GREEN groups only")]
    public async Task Create_Invalid_Is400NamingTheFieldAndStoresNothing(string extras, string expected)
    {
        await using var server = await TestServer.StartAsync();
        await BlueGreen.PrepareAsync(server);
        var group = BlueGreen.Group();
        foreach (var (key, value) in JsonNode.Parse(extras)!.AsObject())
        {
            group[key] = value?.DeepClone();
        }

        var (status, body) = await server.Admin.PostAsync("/api/v1/applications/web/deployment-groups", group);
        var (missing, _) = await server.Admin.GetAsync("/api/v1/applications/web/deployment-groups/prod");

        Assert.True(status == 400, body?.ToJsonString());
        Assert.Contains(expected, body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(404, missing);
    }

    [Fact]
    public async Task Create_BlueGreen_StoresEveryFieldAndImpliesTrafficControl()
    {
        await using var server = await TestServer.StartAsync();
        await BlueGreen.PrepareAsync(server);

        var (status, body) = await server.Admin.PostAsync("/api/v1/applications/web/deployment-groups", BlueGreen.Group(extras: new
        {
            deploymentStyle = new { deploymentType = "BLUE_GREEN", deploymentOption = "WITHOUT_TRAFFIC_CONTROL" },
            trafficRouting = "canary:10:5m",
            blueGreenDeploymentConfiguration = new
            {
                terminateBlueInstancesOnDeploymentSuccess = new { action = "KEEP_ALIVE" },
                deploymentReadyOption = new { actionOnTimeout = "STOP_DEPLOYMENT", waitTimeInMinutes = 60, waitTimeInSeconds = 2.5 },
            },
        }));
        var info = (await server.Admin.GetAsync("/api/v1/applications/web/deployment-groups/prod")).Body!["deploymentGroupInfo"]!;

        Assert.True(status == 201, body?.ToJsonString());
        Assert.Equal("BLUE_GREEN", info["deploymentStyle"]!["deploymentType"]!.GetValue<string>());
        Assert.Equal("WITH_TRAFFIC_CONTROL", info["deploymentStyle"]!["deploymentOption"]!.GetValue<string>());
        Assert.Equal("tg-web", info["loadBalancerInfo"]!["targetGroupInfoList"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("canary:10:5m", info["trafficRouting"]!.GetValue<string>());
        Assert.Equal("KEEP_ALIVE", info["blueGreenDeploymentConfiguration"]!["terminateBlueInstancesOnDeploymentSuccess"]!["action"]!.GetValue<string>());
        Assert.Equal(2.5, info["blueGreenDeploymentConfiguration"]!["deploymentReadyOption"]!["waitTimeInSeconds"]!.GetValue<double>());
    }

    [Fact]
    public async Task Update_OtherFields_KeepsTheBlueGreenFields_AndTheStyleIsCheckedAgainstWhatIsStored()
    {
        await using var server = await TestServer.StartAsync();
        await BlueGreen.PrepareAsync(server);
        await server.Admin.PostAsync("/api/v1/applications/web/deployment-groups", BlueGreen.Group(extras: new { trafficRouting = "linear:25:1m" }));

        var (kept, _) = await server.Admin.PutAsync("/api/v1/applications/web/deployment-groups/prod", new { watchMinutes = 1 });
        var afterKeep = (await server.Admin.GetAsync("/api/v1/applications/web/deployment-groups/prod")).Body!["deploymentGroupInfo"]!;
        var (toInPlace, problem) = await server.Admin.PutAsync("/api/v1/applications/web/deployment-groups/prod",
            new { deploymentStyle = new { deploymentType = "IN_PLACE", deploymentOption = "WITHOUT_TRAFFIC_CONTROL" } });
        var (cleared, _) = await server.Admin.PutAsync("/api/v1/applications/web/deployment-groups/prod",
            new { deploymentStyle = new { deploymentType = "IN_PLACE", deploymentOption = "WITHOUT_TRAFFIC_CONTROL" }, trafficRouting = "" });
        var afterClear = (await server.Admin.GetAsync("/api/v1/applications/web/deployment-groups/prod")).Body!["deploymentGroupInfo"]!;

        Assert.Equal(200, kept);
        Assert.Equal("linear:25:1m", afterKeep["trafficRouting"]!.GetValue<string>());
        Assert.Equal("BLUE_GREEN", afterKeep["deploymentStyle"]!["deploymentType"]!.GetValue<string>());
        Assert.Equal(400, toInPlace);
        Assert.Contains("trafficRouting applies to BLUE_GREEN groups only", problem!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(200, cleared);
        Assert.Null(afterClear["trafficRouting"]);
        Assert.Equal("IN_PLACE", afterClear["deploymentStyle"]!["deploymentType"]!.GetValue<string>());
        Assert.Equal("tg-web", afterClear["loadBalancerInfo"]!["targetGroupInfoList"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_DiscoverExisting_NeedsNoScalingGroup()
    {
        await using var server = await TestServer.StartAsync();
        await BlueGreen.PrepareAsync(server);

        var (status, body) = await server.Admin.PostAsync("/api/v1/applications/web/deployment-groups", BlueGreen.Group(extras: new
        {
            autoScalingGroups = Array.Empty<string>(),
            onPremisesInstanceTagFilters = new[] { new { Key = "role", Value = "web", Type = "KEY_AND_VALUE" } },
            blueGreenDeploymentConfiguration = new { greenFleetProvisioningOption = new { action = "DISCOVER_EXISTING" } },
        }));

        Assert.True(status == 201, body?.ToJsonString());
    }
}
