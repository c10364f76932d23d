using Greenlight.Testing;

namespace Greenlight.Server.Tests.Api;

/// <summary>A group selects by tag filters or by a tag set, never both: updating one replaces the other.</summary>
public sealed class DeploymentGroupSelectionTests
{
    [Fact]
    public async Task Update_TagFiltersOnAGroupWithATagSet_ReplacesTheTagSet()
    {
        await using var server = await TestServer.StartAsync();
        await server.Admin.PostAsync("/api/v1/applications", new { applicationName = "web" });
        await server.Admin.PostAsync("/api/v1/applications/web/deployment-groups", new
        {
            deploymentGroupName = "prod",
            onPremisesTagSet = new { onPremisesTagSetList = new[] { new[] { new { Key = "env", Value = "prod", Type = "KEY_AND_VALUE" } } } },
        });

        var (status, body) = await server.Admin.PutAsync("/api/v1/applications/web/deployment-groups/prod", new
        {
            onPremisesInstanceTagFilters = new[] { new { Key = "role", Value = "web", Type = "KEY_AND_VALUE" } },
        });
        var (_, got) = await server.Admin.GetAsync("/api/v1/applications/web/deployment-groups/prod");

        Assert.True(status == 200, body?.ToJsonString());
        var group = got!["deploymentGroupInfo"]!;
        Assert.Null(group["onPremisesTagSet"]);
        Assert.Equal("role", group["onPremisesInstanceTagFilters"]![0]!["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_ATagSetOnAGroupWithFilters_ReplacesTheFilters()
    {
        await using var server = await TestServer.StartAsync();
        await server.Admin.PostAsync("/api/v1/applications", new { applicationName = "web" });
        await server.Admin.PostAsync("/api/v1/applications/web/deployment-groups", new
        {
            deploymentGroupName = "prod",
            onPremisesInstanceTagFilters = new[] { new { Key = "role", Value = "web", Type = "KEY_AND_VALUE" } },
        });

        var (status, _) = await server.Admin.PutAsync("/api/v1/applications/web/deployment-groups/prod", new
        {
            onPremisesTagSet = new { onPremisesTagSetList = new[] { new[] { new { Key = "env", Value = "prod", Type = "KEY_AND_VALUE" } } } },
        });
        var (_, got) = await server.Admin.GetAsync("/api/v1/applications/web/deployment-groups/prod");

        Assert.Equal(200, status);
        Assert.Empty(got!["deploymentGroupInfo"]!["onPremisesInstanceTagFilters"]!.AsArray());
        Assert.Equal("env", got["deploymentGroupInfo"]!["onPremisesTagSet"]!["onPremisesTagSetList"]![0]![0]!["key"]!.GetValue<string>());
    }
}
