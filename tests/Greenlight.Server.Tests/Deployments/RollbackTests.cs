using Greenlight.Engine.Running;
using Greenlight.Server.Tests.Api;
using Greenlight.Testing;

namespace Greenlight.Server.Tests.Deployments;

/// <summary>
/// Rollbacks on a real server with real agent processes: the automatic rollback of a broken revision, a rollback switched
/// off for one deployment, a first deployment with nothing to roll back to, and a manual rollback of the group.
/// </summary>
public sealed class RollbackTests
{
    private static readonly object OnFailure = new { autoRollbackConfiguration = new { enabled = true, events = new[] { "DEPLOYMENT_FAILURE" } } };

    [Fact]
    public async Task AutoRollback_BrokenValidateService_PutsEveryInstanceBackOnTheKnownGoodRevisionAndLinksBoth()
    {
        await using var fleet = await RollbackFleet.StartAsync(2, OnFailure);
        var good = await fleet.RevisionAsync("v1");
        var bad = await fleet.RevisionAsync("v2", failValidate: true, failStop: true);
        var (v1, v1Info) = await fleet.DeployToEndAsync(good, new { fileExistsBehavior = "OVERWRITE" });

        var (v2, failed) = await fleet.DeployToEndAsync(bad, new { fileExistsBehavior = "RETAIN" });
        var rollbackId = await Eventually.Until(
            async () => (await TestFleet.InfoAsync(fleet.Admin, v2))["rollbackInfo"]?["rollbackDeploymentId"]?.GetValue<string>(),
            r => r is not null, RollbackFleet.Timeout, "rollback deployment linked");
        var rollback = await fleet.EndOfAsync(rollbackId!);
        var linked = await TestFleet.InfoAsync(fleet.Admin, v2);
        var spec = EngineJson.ReadState((await fleet.Server.Store.GetDeploymentAsync(rollbackId!, CancellationToken.None))!.StateJson).Spec;
        var events = (await fleet.Admin.GetAsync($"/api/v1/deployments/{rollbackId}/events?limit=1000")).Body!["events"]!.AsArray();
        var stops = (await fleet.Admin.GetAsync($"/api/v1/deployments/{rollbackId}/targets")).Body!["deploymentTargets"]!.AsArray()
            .Select(t => t!["instanceTarget"]!["lifecycleEvents"]!.AsArray().Single(e => e!["lifecycleEventName"]!.GetValue<string>() == "ApplicationStop")!)
            .ToList();

        Assert.Equal("Succeeded", v1Info["status"]!.GetValue<string>());
        Assert.Equal("Failed", failed["status"]!.GetValue<string>());
        Assert.Equal("Succeeded", rollback["status"]!.GetValue<string>());
        Assert.Equal(good, rollback["revision"]!["bundle"]!["sha256"]!.GetValue<string>());
        Assert.Equal("codeDeployRollback", rollback["creator"]!.GetValue<string>());
        Assert.Equal(v2, rollback["rollbackInfo"]!["rollbackTriggeringDeploymentId"]!.GetValue<string>());
        Assert.Equal(rollbackId, linked["rollbackInfo"]!["rollbackDeploymentId"]!.GetValue<string>());
        Assert.NotEqual(v2, rollbackId);
        Assert.Equal("created", events[0]!["type"]!.GetValue<string>());
        Assert.All(fleet.Served().Values, html => Assert.Equal("<h1>v1</h1>", html));

        // Installed as v1's own deployment did (OVERWRITE), not as the failed one (RETAIN); the broken revision's
        // ApplicationStop, which a rollback runs, failed and was ignored.
        Assert.Equal("OVERWRITE", spec.FileExistsBehavior);
        Assert.True(spec.IgnoreApplicationStopFailures);
        Assert.Equal(TimeSpan.Zero, spec.WatchWindow);
        Assert.Equal(2, stops.Count);
        Assert.All(stops, e => Assert.Equal("Failed", e["status"]!.GetValue<string>()));
        Assert.Equal(new[] { v1, v2, rollbackId! }.Order(StringComparer.Ordinal), (await fleet.DeploymentsAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AutoRollback_SwitchedOffForOneDeployment_StaysFailedAndCreatesNoRollback()
    {
        await using var fleet = await RollbackFleet.StartAsync(1, OnFailure);
        var good = await fleet.RevisionAsync("v1");
        var bad = await fleet.RevisionAsync("v2", failValidate: true);
        await fleet.DeployToEndAsync(good);

        var (v2, failed) = await fleet.DeployToEndAsync(bad, new { autoRollbackConfiguration = new { enabled = false } });

        Assert.Equal("Failed", failed["status"]!.GetValue<string>());
        Assert.False(failed["autoRollbackConfiguration"]!["enabled"]!.GetValue<bool>());
        Assert.Null(failed["rollbackInfo"]);
        Assert.Equal(2, (await fleet.DeploymentsAsync()).Count);
        Assert.Equal("<h1>v2</h1>", fleet.Served()["web-1"]);
        Assert.Equal(v2, (await fleet.DeploymentsAsync())[0]);
    }

    [Fact]
    public async Task AutoRollback_FirstEverDeploymentFails_SaysThereIsNothingToRollBackTo()
    {
        await using var fleet = await RollbackFleet.StartAsync(1, OnFailure);
        var bad = await fleet.RevisionAsync("v1", failValidate: true);

        var (id, failed) = await fleet.DeployToEndAsync(bad);
        var (status, refused) = await fleet.Admin.PostAsync("/api/v1/applications/web/deployment-groups/prod/rollback", new { });

        Assert.Equal("Failed", failed["status"]!.GetValue<string>());
        Assert.Null(failed["rollbackInfo"]!["rollbackDeploymentId"]);
        Assert.Contains("could not roll back: the deployment group has no known-good revision", failed["rollbackInfo"]!["rollbackMessage"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("no known-good revision", failed["statusReason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal([id], await fleet.DeploymentsAsync());
        Assert.Equal(409, status);
        Assert.Equal("RollbackNotPossibleException", refused!["code"]!.GetValue<string>());
        Assert.Contains("nothing to roll back to", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroupRollback_AfterASucceededDeployment_RedeploysThePreviousRevisionLinkedBothWays()
    {
        await using var fleet = await RollbackFleet.StartAsync(1);
        var first = await fleet.RevisionAsync("v1");
        var second = await fleet.RevisionAsync("v2");
        await fleet.DeployToEndAsync(first);
        var (v2, _) = await fleet.DeployToEndAsync(second);

        var (status, answer) = await fleet.Admin.PostAsync("/api/v1/applications/web/deployment-groups/prod/rollback", new { });
        var rollbackId = answer!["rollbackDeploymentId"]!.GetValue<string>();
        var rollback = await fleet.EndOfAsync(rollbackId);
        var rolledBack = await TestFleet.InfoAsync(fleet.Admin, v2);
        var (again, refused) = await fleet.Admin.PostAsync("/api/v1/applications/web/deployment-groups/prod/rollback", new { });
        var (missing, _) = await fleet.Admin.PostAsync("/api/v1/applications/web/deployment-groups/nope/rollback", new { });

        Assert.Equal(201, status);
        Assert.Equal(v2, answer["rolledBackDeploymentId"]!.GetValue<string>());
        Assert.Equal("Succeeded", rollback["status"]!.GetValue<string>());
        Assert.Equal(first, rollback["revision"]!["bundle"]!["sha256"]!.GetValue<string>());
        Assert.Equal("codeDeployRollback", rollback["creator"]!.GetValue<string>());
        Assert.Equal(v2, rollback["rollbackInfo"]!["rollbackTriggeringDeploymentId"]!.GetValue<string>());
        Assert.Equal(rollbackId, rolledBack["rollbackInfo"]!["rollbackDeploymentId"]!.GetValue<string>());
        Assert.Equal("<h1>v1</h1>", fleet.Served()["web-1"]);
        Assert.Equal(409, again);
        Assert.Contains("is itself a rollback", refused!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(404, missing);
    }
}
