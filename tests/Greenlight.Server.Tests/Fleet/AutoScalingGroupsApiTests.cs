using Greenlight.Testing;

namespace Greenlight.Server.Tests.Fleet;

/// <summary>Auto scaling groups through the API: validation, sizes, managed and user lifecycle hooks, deletion.</summary>
public sealed class AutoScalingGroupsApiTests
{
    [Theory]
    [InlineData("missing", 0, 2, 0, "does not exist")]
    [InlineData("web", 3, 2, 3, "minSize 3 and maxSize 2")]
    [InlineData("web", 0, 2, 5, "desiredCapacity 5")]
    [InlineData("web", 0, 51, 0, "maxSize 51")]
    public async Task Create_BadInput_Is400NamingTheProblemAndStoresNothing(string template, int min, int max, int desired, string expected)
    {
        await using var server = await TestServer.StartAsync();
        await server.Admin.PostAsync("/api/v1/launch-templates", new { launchTemplateName = "web" });

        var (status, body) = await server.Admin.PostAsync("/api/v1/auto-scaling-groups", new
        {
            autoScalingGroupName = "asg-web", launchTemplate = new { launchTemplateName = template }, minSize = min, maxSize = max, desiredCapacity = desired,
        });
        var (_, list) = await server.Admin.GetAsync("/api/v1/auto-scaling-groups");

        Assert.Equal(400, status);
        Assert.Contains(expected, body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(list!["autoScalingGroups"]!.AsArray());
    }

    [Fact]
    public async Task Create_WithARegisteredProviderTemplate_IsRefusedWithTheWayToSelectRegisteredHosts()
    {
        await using var server = await TestServer.StartAsync();
        await server.Admin.PostAsync("/api/v1/launch-templates", new { launchTemplateName = "onprem", launchTemplateData = new { provider = "registered" } });

        var (status, body) = await server.Admin.PostAsync("/api/v1/auto-scaling-groups", new { autoScalingGroupName = "asg", launchTemplate = new { launchTemplateName = "onprem" }, minSize = 0, maxSize = 1 });

        Assert.Equal(400, status);
        Assert.Contains("tag filters", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeploymentGroup_NamingTheScalingGroup_InstallsManagedHooksShownOnTheGroup()
    {
        await using var server = await TestServer.StartAsync();
        await CreateGroupAsync(server, desired: 0);
        await server.Admin.PostAsync("/api/v1/applications", new { applicationName = "web" });

        var (created, _) = await server.Admin.PostAsync("/api/v1/applications/web/deployment-groups", new
        {
            deploymentGroupName = "prod", autoScalingGroups = new[] { "asg-web" }, terminationHookEnabled = true,
        });
        var (missing, problem) = await server.Admin.PostAsync("/api/v1/applications/web/deployment-groups", new { deploymentGroupName = "qa", autoScalingGroups = new[] { "nope" } });
        var (_, group) = await server.Admin.GetAsync("/api/v1/auto-scaling-groups/asg-web");

        Assert.Equal(201, created);
        Assert.Equal(400, missing);
        Assert.Contains("'nope' does not exist", problem!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var hooks = group!["autoScalingGroup"]!["lifecycleHooks"]!.AsArray().Select(h => (h!["lifecycleHookName"]!.GetValue<string>(), h["lifecycleTransition"]!.GetValue<string>())).ToList();
        Assert.Equal(
            [("greenlight-launch:web/prod", "autoscaling:EC2_INSTANCE_LAUNCHING"), ("greenlight-terminate:web/prod", "autoscaling:EC2_INSTANCE_TERMINATING")],
            hooks);
    }

    [Fact]
    public async Task SetDesiredCapacity_OutsideTheBounds_Is400AndKeepsTheCapacity()
    {
        await using var server = await TestServer.StartAsync();
        await CreateGroupAsync(server, desired: 0);

        var (status, body) = await server.Admin.PostAsync("/api/v1/auto-scaling-groups/asg-web/desired-capacity", new { desiredCapacity = 3 });
        var (_, group) = await server.Admin.GetAsync("/api/v1/auto-scaling-groups/asg-web");

        Assert.Equal(400, status);
        Assert.Contains("between minSize 0 and maxSize 2", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, group!["autoScalingGroup"]!["desiredCapacity"]!.GetValue<int>());
    }

    [Fact]
    public async Task PutHook_ReservedOrInvalid_Is400_AndAUserHookIsListed()
    {
        await using var server = await TestServer.StartAsync();
        await CreateGroupAsync(server, desired: 0);

        var (reserved, _) = await server.Admin.PutAsync("/api/v1/auto-scaling-groups/asg-web/lifecycle-hooks/greenlight-launch:x", new { lifecycleTransition = "autoscaling:EC2_INSTANCE_LAUNCHING" });
        var (badTransition, body) = await server.Admin.PutAsync("/api/v1/auto-scaling-groups/asg-web/lifecycle-hooks/warm", new { lifecycleTransition = "launch" });
        var (ok, _) = await server.Admin.PutAsync("/api/v1/auto-scaling-groups/asg-web/lifecycle-hooks/warm", new { lifecycleTransition = "autoscaling:EC2_INSTANCE_LAUNCHING", heartbeatTimeout = 30, defaultResult = "CONTINUE" });
        var (_, group) = await server.Admin.GetAsync("/api/v1/auto-scaling-groups/asg-web");
        var (unknown, _) = await server.Admin.PostAsync("/api/v1/auto-scaling-groups/asg-web/lifecycle-hooks/warm/complete", new { instanceId = "i-nope", lifecycleActionResult = "CONTINUE" });

        Assert.Equal(400, reserved);
        Assert.Equal(400, badTransition);
        Assert.Contains("lifecycleTransition 'launch'", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(200, ok);
        Assert.Equal("warm", group!["autoScalingGroup"]!["lifecycleHooks"]![0]!["lifecycleHookName"]!.GetValue<string>());
        Assert.Equal(404, unknown);
    }

    [Fact]
    public async Task Delete_AnEmptyGroup_GoesAway()
    {
        await using var server = await TestServer.StartAsync();
        await CreateGroupAsync(server, desired: 0);

        var (status, _) = await server.Admin.DeleteAsync("/api/v1/auto-scaling-groups/asg-web");

        Assert.Equal(202, status);
        await Eventually.Until(async () => (await server.Admin.GetAsync("/api/v1/auto-scaling-groups/asg-web")).Status, s => s == 404, TimeSpan.FromSeconds(10), "group deleted");
    }

    private static async Task CreateGroupAsync(TestServer server, int desired)
    {
        await server.Admin.PostAsync("/api/v1/launch-templates", new { launchTemplateName = "web" });
        var (status, body) = await server.Admin.PostAsync("/api/v1/auto-scaling-groups", new
        {
            autoScalingGroupName = "asg-web", launchTemplate = new { launchTemplateName = "web" }, minSize = 0, maxSize = 2, desiredCapacity = desired,
        });
        Assert.True(status == 201, body?.ToJsonString());
    }
}
