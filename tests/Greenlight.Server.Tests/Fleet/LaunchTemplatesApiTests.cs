using Greenlight.Testing;

namespace Greenlight.Server.Tests.Fleet;

/// <summary>Launch templates: versions, $Latest and $Default, validation, and deletion while in use.</summary>
public sealed class LaunchTemplatesApiTests
{
    [Fact]
    public async Task CreateVersion_FromLatestWithChanges_MergesAndKeepsTheDefault()
    {
        await using var server = await TestServer.StartAsync();
        var (created, first) = await server.Admin.PostAsync("/api/v1/launch-templates", new
        {
            launchTemplateName = "web",
            launchTemplateData = new { tags = new[] { new { key = "role", value = "web" } }, bootstrapScript = "echo hi" },
        });

        var (added, version) = await server.Admin.PostAsync("/api/v1/launch-templates/web/versions", new { versionDescription = "no bootstrap", launchTemplateData = new { bootstrapScript = "true" } });
        var (_, got) = await server.Admin.GetAsync("/api/v1/launch-templates/web");

        Assert.Equal(201, created);
        Assert.Equal(1, first!["launchTemplate"]!["defaultVersionNumber"]!.GetValue<int>());
        Assert.Equal(201, added);
        Assert.Equal(2, version!["launchTemplateVersion"]!["versionNumber"]!.GetValue<int>());
        var template = got!["launchTemplate"]!;
        Assert.Equal(2, template["latestVersionNumber"]!.GetValue<int>());
        Assert.Equal(1, template["defaultVersionNumber"]!.GetValue<int>());
        var data = template["versions"]![1]!["launchTemplateData"]!;
        Assert.Equal("true", data["bootstrapScript"]!.GetValue<string>());
        Assert.Equal("role", data["tags"]![0]!["key"]!.GetValue<string>());
        Assert.Equal("local", data["provider"]!.GetValue<string>());
    }

    [Fact]
    public async Task Modify_DefaultVersion_MovesTheDefaultAndRefusesUnknownVersions()
    {
        await using var server = await TestServer.StartAsync();
        await server.Admin.PostAsync("/api/v1/launch-templates", new { launchTemplateName = "web" });
        await server.Admin.PostAsync("/api/v1/launch-templates/web/versions", new { });

        var (ok, moved) = await server.Admin.PutAsync("/api/v1/launch-templates/web", new { defaultVersion = "2" });
        var (bad, problem) = await server.Admin.PutAsync("/api/v1/launch-templates/web", new { defaultVersion = "9" });

        Assert.Equal(200, ok);
        Assert.Equal(2, moved!["launchTemplate"]!["defaultVersionNumber"]!.GetValue<int>());
        Assert.Equal(400, bad);
        Assert.Equal("InvalidLaunchTemplateVersionException", problem!["code"]!.GetValue<string>());
        Assert.Contains("'9'", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cloud", "provider")]
    [InlineData("local", "pollWait")]
    public async Task Create_BadData_Is400NamingTheFieldAndStoresNothing(string provider, string field)
    {
        await using var server = await TestServer.StartAsync();

        var (status, body) = await server.Admin.PostAsync("/api/v1/launch-templates", new
        {
            launchTemplateName = "web",
            launchTemplateData = new { provider, agent = new { pollWait = field == "pollWait" ? "5h" : "5s" } },
        });
        var (_, list) = await server.Admin.GetAsync("/api/v1/launch-templates");

        Assert.Equal(400, status);
        Assert.Contains(field, body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(list!["launchTemplates"]!.AsArray());
    }

    [Fact]
    public async Task Delete_UsedByAScalingGroup_IsRefusedNamingTheGroup()
    {
        await using var server = await TestServer.StartAsync();
        await server.Admin.PostAsync("/api/v1/launch-templates", new { launchTemplateName = "web" });
        await server.Admin.PostAsync("/api/v1/auto-scaling-groups", new { autoScalingGroupName = "asg-web", launchTemplate = new { launchTemplateName = "web" }, minSize = 0, maxSize = 2 });

        var (status, body) = await server.Admin.DeleteAsync("/api/v1/launch-templates/web");

        Assert.Equal(409, status);
        Assert.Contains("asg-web", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(200, (await server.Admin.GetAsync("/api/v1/launch-templates/web")).Status);
    }
}
