using Greenlight.Testing;

namespace Greenlight.Server.Tests.Api;

/// <summary>An update that meets a newer version of the group (the engine records known-good revisions there) is reapplied, not refused.</summary>
public sealed class DeploymentGroupUpdateTests
{
    [Fact]
    public async Task Update_ManyAtOnce_EveryOneIsAppliedWithoutAVersionConflict()
    {
        await using var server = await TestServer.StartAsync();
        await server.Admin.PostAsync("/api/v1/applications", new { applicationName = "web" });
        await server.Admin.PostAsync("/api/v1/applications/web/deployment-groups", new { deploymentGroupName = "prod" });

        var answers = await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            server.Admin.PutAsync("/api/v1/applications/web/deployment-groups/prod", new { watchSeconds = i })));
        var (_, got) = await server.Admin.GetAsync("/api/v1/applications/web/deployment-groups/prod");

        Assert.All(answers, a => Assert.True(a.Status == 200, a.Body?.ToJsonString()));
        Assert.InRange(got!["deploymentGroupInfo"]!["watchSeconds"]!.GetValue<int>(), 1, 20);
    }
}
