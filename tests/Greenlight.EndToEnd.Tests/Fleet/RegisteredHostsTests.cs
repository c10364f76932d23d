using Greenlight.Testing;

namespace Greenlight.EndToEnd.Tests.Fleet;

/// <summary>
/// The registered provider: hosts whose agents enrolled themselves with tags (the on-premises case), selected by a
/// deployment group's tag filters (any filter) or tag set (every list, any filter within a list).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class RegisteredHostsTests
{
    [Fact]
    public async Task Deploy_ToTagFiltersAndTagSets_TargetsExactlyTheSelectedEnrolledHosts()
    {
        await using var fleet = await FleetScenario.StartAsync();
        var (_, token) = await fleet.Admin.PostAsync("/api/v1/enrollment-tokens", new { name = "hosts", uses = 3 });
        using var dir = new TempDirectory("gl-hosts");
        var secret = token!["token"]!.GetValue<string>();
        await using var webProd = AgentProcess.Start(fleet.Server.Url, "web-prod", dir.Path, secret, "role=web,env=prod", "127.0.4.1");
        await using var webQa = AgentProcess.Start(fleet.Server.Url, "web-qa", dir.Path, secret, "role=web,env=qa", "127.0.4.2");
        await using var apiProd = AgentProcess.Start(fleet.Server.Url, "api-prod", dir.Path, secret, "role=api,env=prod", "127.0.4.3");
        await Eventually.Until(async () => (await fleet.Admin.GetAsync("/api/v1/instances")).Body!["instanceNames"]!.AsArray().Count, n => n == 3,
            FleetScenario.Timeout, "three hosts enrolled");
        await fleet.Admin.PostAsync("/api/v1/applications", new { applicationName = "web" });
        await fleet.Admin.PostAsync("/api/v1/applications/web/deployment-groups", new
        {
            deploymentGroupName = "prod",
            deploymentConfigName = "CodeDeployDefault.AllAtOnce",
            onPremisesTagSet = new
            {
                onPremisesTagSetList = new[]
                {
                    new[] { new { Key = "role", Value = "web", Type = "KEY_AND_VALUE" }, new { Key = "role", Value = "api", Type = "KEY_AND_VALUE" } },
                    new[] { new { Key = "env", Value = "prod", Type = "KEY_AND_VALUE" } },
                },
            },
        });
        await fleet.Admin.PostAsync("/api/v1/applications/web/deployment-groups", new
        {
            deploymentGroupName = "web-any",
            deploymentConfigName = "CodeDeployDefault.AllAtOnce",
            onPremisesInstanceTagFilters = new[] { new { Key = "role", Value = "web", Type = "KEY_AND_VALUE" } },
        });
        var v1 = await fleet.UploadAsync(SampleApp.Bundle("v1"));

        var setDeployment = await fleet.DeployAsync(v1);
        var setEnd = await fleet.WaitForEndAsync(setDeployment);
        var (_, created) = await fleet.Admin.PostAsync("/api/v1/deployments", new
        {
            applicationName = "web", deploymentGroupName = "web-any", revision = new { revisionType = "Bundle", bundle = new { sha256 = v1, bundleType = "zip" } },
        });
        var filterDeployment = created!["deploymentId"]!.GetValue<string>();
        var filterEnd = await fleet.WaitForEndAsync(filterDeployment);

        Assert.True(setEnd["status"]!.GetValue<string>() == "Succeeded", setEnd.ToJsonString());
        Assert.Equal(["api-prod", "web-prod"], (await fleet.TargetStatusesAsync(setDeployment)).Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Succeeded", filterEnd["status"]!.GetValue<string>());
        Assert.Equal(["web-prod", "web-qa"], (await fleet.TargetStatusesAsync(filterDeployment)).Keys.Order(StringComparer.Ordinal));
        Assert.Equal("1.0.0", await FleetScenario.ServedVersionAsync("127.0.4.3"));
        Assert.Equal("1.0.0", await FleetScenario.ServedVersionAsync("127.0.4.2"));
    }
}
