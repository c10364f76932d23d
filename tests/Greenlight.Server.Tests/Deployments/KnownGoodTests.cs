using Greenlight.Server.Deployments;
using Greenlight.Server.Tests.Api;
using Greenlight.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Server.Tests.Deployments;

/// <summary>
/// A revision becomes known-good only when its deployment succeeded after its watch window: an alarm in the window
/// stops the deployment, the group keeps its previous known-good revision, and the rollback installs that one.
/// </summary>
public sealed class KnownGoodTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task WatchWindow_AlarmDuringIt_StopsTheDeploymentWhichNeverBecomesKnownGood()
    {
        await using var server = await TestServer.StartAsync();
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/alarms", new { alarmName = "errors", metric = new { source = "external" } })).Status);
        var instances = await TestFleet.CreateAsync(server.Admin, 2, new
        {
            alarmConfiguration = new { enabled = true, alarms = new[] { new { name = "errors" } } },
            autoRollbackConfiguration = new { enabled = true, events = new[] { "DEPLOYMENT_STOP_ON_ALARM" } },
        });
        var good = await TestFleet.RevisionAsync(server.Admin, "v1");
        var watched = await TestFleet.RevisionAsync(server.Admin, "v2");
        var agent = new ScriptedAgent(server.Admin, instances);
        var v1 = (await TestFleet.DeployAsync(server.Admin, good)).Body!["deploymentId"]!.GetValue<string>();
        await agent.RunUntilAsync(() => TestFleet.IsTerminalAsync(server.Admin, v1), Timeout);

        // The engine records v1 on the group just after it ends; updating the group before that would race it (409).
        await Eventually.Until(async () => (await server.Admin.GetAsync("/api/v1/applications/web/deployment-groups/prod")).Body!,
            g => g["deploymentGroupInfo"]!["lastSuccessfulDeployment"] is not null, Timeout, "v1 recorded as known-good");
        var (updated, body) = await server.Admin.PutAsync("/api/v1/applications/web/deployment-groups/prod", new { watchSeconds = 600 });
        var v2 = (await TestFleet.DeployAsync(server.Admin, watched)).Body!["deploymentId"]!.GetValue<string>();
        await agent.RunUntilAsync(async () => (await TestFleet.InfoAsync(server.Admin, v2))["statusReason"]!.GetValue<string>().StartsWith("watching alarms", StringComparison.Ordinal), Timeout);

        var watching = await TestFleet.InfoAsync(server.Admin, v2);
        var (alarmed, _) = await server.Admin.PutAsync("/api/v1/alarms/errors/state", new { stateValue = "ALARM", stateReason = "5xx rate 12 % > 5 % for 2 of 3 datapoints" });
        var stopped = await Eventually.Until(() => TestFleet.InfoAsync(server.Admin, v2), i => i["status"]!.GetValue<string>() != "Baking", Timeout, "the alarm stopped v2");
        var rollbackId = await Eventually.Until(async () => (await TestFleet.InfoAsync(server.Admin, v2))["rollbackInfo"]?["rollbackDeploymentId"]?.GetValue<string>(),
            r => r is not null, Timeout, "rollback linked");
        await agent.RunUntilAsync(() => TestFleet.IsTerminalAsync(server.Admin, rollbackId!), Timeout);
        var rollback = await TestFleet.InfoAsync(server.Admin, rollbackId!);
        var factory = server.Host.Services.GetRequiredService<DeploymentFactory>();
        var group = (await factory.GroupAsync("web", "prod", CancellationToken.None))!;

        Assert.True(updated == 200, body?.ToJsonString());
        Assert.Equal(600, group.WatchSeconds);
        Assert.Equal("Baking", watching["status"]!.GetValue<string>());
        Assert.Equal(200, alarmed);
        Assert.Equal("Stopped", stopped["status"]!.GetValue<string>());
        Assert.Equal("ALARM_ACTIVE", stopped["errorInformation"]!["code"]!.GetValue<string>());
        Assert.Contains("alarm errors in ALARM", stopped["errorInformation"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("5xx rate 12 %", stopped["errorInformation"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Succeeded", rollback["status"]!.GetValue<string>());
        Assert.Equal(good, rollback["revision"]!["bundle"]!["sha256"]!.GetValue<string>());
        Assert.Equal(good, await factory.KnownGoodRevisionAsync(group, CancellationToken.None));
        Assert.Equal(v1, (await factory.KnownGoodAsync(group, rollbackId, CancellationToken.None))!.DeploymentId);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(172_801)]
    public async Task WatchSeconds_OutOfRange_Is400NamingTheField(int seconds)
    {
        await using var server = await TestServer.StartAsync();
        await server.Admin.PostAsync("/api/v1/applications", new { applicationName = "web" });

        var (status, body) = await server.Admin.PostAsync("/api/v1/applications/web/deployment-groups", new { deploymentGroupName = "prod", watchSeconds = seconds });

        Assert.Equal(400, status);
        Assert.StartsWith($"watchSeconds {seconds} must be from 0 to 172800", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
