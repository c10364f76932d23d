using Greenlight.Testing;

namespace Greenlight.EndToEnd.Tests.Fleet;

/// <summary>
/// In-place deployments onto a local auto scaling group: real server, real agents on their own 127.0.x.y, the real
/// sample application and its hook scripts. Every instance must then serve the expected version over HTTP.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class InPlaceFleetTests
{
    [Fact]
    public async Task Deploy_EachPredefinedAndACustomConfiguration_EveryInstanceServesTheNewVersion()
    {
        await using var fleet = await FleetScenario.StartAsync();
        var instances = await fleet.CreateFleetAsync(4);
        await fleet.Admin.PostAsync("/api/v1/deployment-configs", new
        {
            deploymentConfigName = "ThreeHealthy", minimumHealthyHosts = new { type = "HOST_COUNT", value = 3 },
        });
        var v1 = await fleet.UploadAsync(SampleApp.Bundle("v1"));
        var v2 = await fleet.UploadAsync(SampleApp.Bundle("v2"));

        foreach (var (sha, version, config) in new[]
                 {
                     (v1, "1.0.0", "CodeDeployDefault.OneAtATime"),
                     (v2, "2.0.0", "CodeDeployDefault.HalfAtATime"),
                     (v1, "1.0.0", "CodeDeployDefault.AllAtOnce"),
                     (v2, "2.0.0", "ThreeHealthy"),
                 })
        {
            var id = await fleet.DeployAsync(sha, config);
            var end = await fleet.WaitForEndAsync(id);

            Assert.True(end["status"]!.GetValue<string>() == "Succeeded", $"{config}: {end.ToJsonString()}\n{fleet.Server.Output}");
            Assert.All(await fleet.TargetStatusesAsync(id), t => Assert.Equal("Succeeded", t.Value));
            foreach (var instance in instances)
            {
                Assert.Equal(version, await FleetScenario.ServedVersionAsync(instance.Address));
            }
        }
    }

    /// <summary>
    /// The broken bundle fails ValidateService on one instance (its fail-only-on.txt). Four instances, all Current, so
    /// they are taken in instance id order; <c>position</c> is the failing one's place in that order.
    /// OneAtATime stops at the first failure that is not the last instance. HalfAtATime (2 of 4 healthy) absorbs one
    /// failure. HOST_COUNT 3 cannot take a second instance down once one failed.
    /// </summary>
    [Theory]
    [InlineData("CodeDeployDefault.OneAtATime", 2, "Failed", "Succeeded,Failed,Skipped,Skipped")]
    [InlineData("CodeDeployDefault.HalfAtATime", 1, "Succeeded", "Failed,Succeeded,Succeeded,Succeeded")]
    [InlineData("ThreeHealthy", 1, "Failed", "Failed,Skipped,Skipped,Skipped")]
    [InlineData("ThreeHealthy", 4, "Succeeded", "Succeeded,Succeeded,Succeeded,Failed")]
    public async Task Deploy_BrokenOnOneInstance_GivesTheDocumentedVerdictAndAttemptsTheRightInstances(string config, int position, string verdict, string perInstance)
    {
        await using var fleet = await FleetScenario.StartAsync();
        var instances = (await fleet.CreateFleetAsync(4)).OrderBy(i => i.InstanceId, StringComparer.Ordinal).ToList();
        await fleet.Admin.PostAsync("/api/v1/deployment-configs", new
        {
            deploymentConfigName = "ThreeHealthy", minimumHealthyHosts = new { type = "HOST_COUNT", value = 3 },
        });
        var v1 = await fleet.UploadAsync(SampleApp.Bundle("v1"));
        Assert.Equal("Succeeded", (await fleet.WaitForEndAsync(await fleet.DeployAsync(v1, "CodeDeployDefault.AllAtOnce")))["status"]!.GetValue<string>());
        var failing = instances[position - 1];
        var broken = await fleet.UploadAsync(fleet.BrokenOn(failing.InstanceId));

        var id = await fleet.DeployAsync(broken, config);
        var end = await fleet.WaitForEndAsync(id);
        var targets = await fleet.TargetStatusesAsync(id);

        Assert.True(end["status"]!.GetValue<string>() == verdict, end.ToJsonString());
        Assert.Equal(perInstance, string.Join(',', instances.Select(i => targets[i.InstanceId])));
        for (var i = 0; i < instances.Count; i++)
        {
            var expected = targets[instances[i].InstanceId] == "Succeeded" ? "3.0.0-broken" : i == position - 1 ? null : "1.0.0";
            if (expected is not null)
            {
                Assert.Equal(expected, await FleetScenario.ServedVersionAsync(instances[i].Address));
            }
        }
    }
}
