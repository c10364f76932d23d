using Greenlight.Testing;
namespace Greenlight.Server.Tests.Api;

/// <summary>Applications, deployment groups, deployment configurations and instances: CRUD, validation, audit.</summary>
public sealed class ResourcesApiTests
{
    [Fact]
    public async Task CreateApplication_Twice_ConflictsAndKeepsTheFirst()
    {
        await using var server = await TestServer.StartAsync();

        var (created, _) = await server.Admin.PostAsync("/api/v1/applications", new { applicationName = "web" });
        var (again, body) = await server.Admin.PostAsync("/api/v1/applications", new { applicationName = "web" });
        var (get, app) = await server.Admin.GetAsync("/api/v1/applications/web");

        Assert.Equal(201, created);
        Assert.Equal(409, again);
        Assert.Equal("ApplicationAlreadyExistsException", body!["code"]!.GetValue<string>());
        Assert.Equal(200, get);
        Assert.Equal("web", app!["application"]!["applicationName"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/name")]
    public async Task CreateApplication_InvalidName_Is400AndStoresNothing(string name)
    {
        await using var server = await TestServer.StartAsync();

        var (status, body) = await server.Admin.PostAsync("/api/v1/applications", new { applicationName = name });
        var (_, list) = await server.Admin.GetAsync("/api/v1/applications");

        Assert.Equal(400, status);
        Assert.Equal("InvalidApplicationNameException", body!["code"]!.GetValue<string>());
        Assert.Contains("1 to 100 characters", body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(list!["applications"]!.AsArray());
    }

    [Fact]
    public async Task DeploymentGroup_CreateGetUpdateDelete_RoundTripsCodeDeployFields()
    {
        await using var server = await TestServer.StartAsync();
        await server.Admin.PostAsync("/api/v1/applications", new { applicationName = "web" });

        var (created, _) = await server.Admin.PostAsync("/api/v1/applications/web/deployment-groups", new
        {
            deploymentGroupName = "prod",
            deploymentConfigName = "CodeDeployDefault.HalfAtATime",
            onPremisesInstanceTagFilters = new[] { new { Key = "role", Value = "web", Type = "KEY_AND_VALUE" } },
            autoRollbackConfiguration = new { enabled = true, events = new[] { "DEPLOYMENT_FAILURE" } },
        });
        var (updated, _) = await server.Admin.PutAsync("/api/v1/applications/web/deployment-groups/prod", new { watchMinutes = 5 });
        var (_, got) = await server.Admin.GetAsync("/api/v1/applications/web/deployment-groups/prod");
        var info = got!["deploymentGroupInfo"]!;

        Assert.Equal(201, created);
        Assert.Equal(200, updated);
        Assert.Equal("CodeDeployDefault.HalfAtATime", info["deploymentConfigName"]!.GetValue<string>());
        Assert.Equal("IN_PLACE", info["deploymentStyle"]!["deploymentType"]!.GetValue<string>());
        Assert.Equal(5, info["watchMinutes"]!.GetValue<int>());
        Assert.True(info["autoRollbackConfiguration"]!["enabled"]!.GetValue<bool>());
        Assert.Equal(204, (await server.Admin.DeleteAsync("/api/v1/applications/web/deployment-groups/prod")).Status);
        Assert.Equal(404, (await server.Admin.GetAsync("/api/v1/applications/web/deployment-groups/prod")).Status);
    }

    [Theory]
    [InlineData("{\"deploymentGroupName\":\"g\",\"deploymentStyle\":{\"deploymentType\":\"SIDEWAYS\"}}", 400, "InvalidDeploymentStyleException")]
    [InlineData("{\"deploymentGroupName\":\"g\",\"deploymentConfigName\":\"Nope\"}", 404, "DeploymentConfigDoesNotExistException")]
    [InlineData("{\"deploymentGroupName\":\"g\",\"autoRollbackConfiguration\":{\"enabled\":true,\"events\":[\"ON_TUESDAYS\"]}}", 400, "InvalidAutoRollbackConfigException")]
    [InlineData("{\"deploymentGroupName\":\"g\",\"onPremisesInstanceTagFilters\":[{\"Key\":\"a\",\"Type\":\"FUZZY\"}]}", 400, "InvalidTagFilterException")]
    [InlineData("{\"deploymentGroupName\":\"g\",\"watchMinutes\":-1}", 400, "InvalidInputException")]
    public async Task CreateDeploymentGroup_Invalid_NamesTheFieldAndStoresNothing(string json, int expectedStatus, string expectedCode)
    {
        await using var server = await TestServer.StartAsync();
        await server.Admin.PostAsync("/api/v1/applications", new { applicationName = "web" });

        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await server.Admin.Http.PostAsync("api/v1/applications/web/deployment-groups", content);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var (_, list) = await server.Admin.GetAsync("/api/v1/applications/web/deployment-groups");

        Assert.Equal(expectedStatus, (int)response.StatusCode);
        Assert.Equal(expectedCode, body["code"]!.GetValue<string>());
        Assert.Empty(list!["deploymentGroups"]!.AsArray());
    }

    [Fact]
    public async Task DeploymentConfigs_PredefinedAndCustom_AreListedAndValidated()
    {
        await using var server = await TestServer.StartAsync();

        var (created, _) = await server.Admin.PostAsync("/api/v1/deployment-configs",
            new { deploymentConfigName = "TwoDown", minimumHealthyHosts = new { type = "HOST_COUNT", value = 2 } });
        var (bad, badBody) = await server.Admin.PostAsync("/api/v1/deployment-configs",
            new { deploymentConfigName = "CodeDeployDefault.Mine", minimumHealthyHosts = new { type = "FLEET_PERCENT", value = 50 } });
        var (_, list) = await server.Admin.GetAsync("/api/v1/deployment-configs");
        var (_, half) = await server.Admin.GetAsync("/api/v1/deployment-configs/CodeDeployDefault.HalfAtATime");

        Assert.Equal(201, created);
        Assert.Equal(400, bad);
        Assert.Equal("InvalidDeploymentConfigNameException", badBody!["code"]!.GetValue<string>());
        Assert.Equal(["CodeDeployDefault.OneAtATime", "CodeDeployDefault.HalfAtATime", "CodeDeployDefault.AllAtOnce", "TwoDown"],
            list!["deploymentConfigsList"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("FLEET_PERCENT", half!["deploymentConfigInfo"]!["minimumHealthyHosts"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeleteDeploymentConfig_InUse_Conflicts()
    {
        await using var server = await TestServer.StartAsync();
        await server.Admin.PostAsync("/api/v1/deployment-configs", new { deploymentConfigName = "TwoDown", minimumHealthyHosts = new { type = "HOST_COUNT", value = 2 } });
        await server.Admin.PostAsync("/api/v1/applications", new { applicationName = "web" });
        await server.Admin.PostAsync("/api/v1/applications/web/deployment-groups", new { deploymentGroupName = "prod", deploymentConfigName = "TwoDown" });

        var (status, body) = await server.Admin.DeleteAsync("/api/v1/deployment-configs/TwoDown");

        Assert.Equal(409, status);
        Assert.Equal("DeploymentConfigInUseException", body!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Mutations_WriteAuditRowsNamingTheCaller()
    {
        await using var server = await TestServer.StartAsync();
        await server.Admin.PostAsync("/api/v1/applications", new { applicationName = "web" });
        await server.Admin.PutAsync("/api/v1/instances/i-1", new { tags = new[] { new { Key = "role", Value = "web" } } });

        var audit = await server.Store.ListAuditAsync(10, CancellationToken.None);

        Assert.Contains(audit, a => a.Action == "CreateApplication" && a.Target == "web" && a.Actor.StartsWith("admin (tok-", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Action == "RegisterOnPremisesInstance" && a.Target == "i-1");
    }
}
