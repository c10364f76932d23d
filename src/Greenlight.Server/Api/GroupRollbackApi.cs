using Greenlight.Contracts.V1;
using Greenlight.Core.Deployments;
using Greenlight.Engine.Running;
using Greenlight.Engine.Storage;
using Greenlight.Server.Auth;
using Greenlight.Server.Deployments;

namespace Greenlight.Server.Api;

/// <summary>
/// <c>POST /api/v1/applications/{app}/deployment-groups/{group}/rollback</c>: roll back the group's most recent deployment.
/// Running: it is asked to roll back (RollbackRequested), as <c>POST /deployments/{id}/rollback</c> does. Ended: a new
/// in-place deployment (creator codeDeployRollback) of the revision known-good before it, linked both ways.
/// Answers <see cref="GroupRollbackOutput"/>; 404 when the group or any deployment of it is missing; 409 when there is
/// nothing to roll back to or the deployment refuses.
/// </summary>
public static class GroupRollbackApi
{
    public static void MapGroupRollbackApi(this IEndpointRouteBuilder api) =>
        api.MapPost("/applications/{applicationName}/deployment-groups/{deploymentGroupName}/rollback", Rollback).RequireWrite();

    private static async Task<IResult> Rollback(string applicationName, string deploymentGroupName, HttpContext http, DeploymentFactory factory,
        DeploymentEngine engine, IGreenlightStore store, TimeProvider time, CancellationToken ct)
    {
        if (await factory.GroupAsync(applicationName, deploymentGroupName, ct) is not { } group)
        {
            return ApiErrors.Result(ApiErrors.NotFound("DeploymentGroupDoesNotExistException",
                $"deployment group '{deploymentGroupName}' of application '{applicationName}' does not exist"));
        }

        var latest = (await store.ListDeploymentsAsync(new DeploymentQuery(applicationName, deploymentGroupName, Limit: 200), ct))
            .FirstOrDefault(d => d.Kind is not (nameof(DeploymentKind.AutoScalingLaunch) or nameof(DeploymentKind.AutoScalingTermination)));
        if (latest is null)
        {
            return ApiErrors.Result(ApiErrors.NotFound("DeploymentDoesNotExistException",
                $"deployment group '{deploymentGroupName}' has no deployment to roll back"));
        }

        var by = Access.CallerOf(http).Name;
        var state = EngineJson.ReadState(latest.StateJson);
        return state.Status.IsTerminal()
            ? await RollBackEndedAsync(group, new Engine.Ports.DeploymentRecordView(latest.DeploymentId, applicationName, deploymentGroupName, state), by, http, factory, engine, time, ct)
            : await RollBackRunningAsync(latest.DeploymentId, by, engine, ct);
    }

    private static async Task<IResult> RollBackRunningAsync(string deploymentId, string by, DeploymentEngine engine, CancellationToken ct)
    {
        var result = await engine.ObserveAsync(deploymentId, new RollbackRequested(by), ct);
        if (result.Rejection is { } rejection)
        {
            return ApiErrors.Result(ApiErrors.Conflict("InvalidDeploymentStateException", rejection.Message));
        }

        var rollback = (await engine.LoadStateAsync(deploymentId, ct))?.Rollback;
        if (rollback is not { AwaitingDeployment: true } and not { RollbackDeploymentId: not null })
        {
            return ApiErrors.Result(ApiErrors.Conflict("RollbackNotPossibleException",
                $"deployment {deploymentId} is stopped, but not rolled back: {rollback?.RollbackMessage ?? "nothing it changed needs rolling back"}"));
        }

        // The engine creates the rollback deployment under an id derived from the command's key (see StartDerivedAsync).
        var rollbackId = rollback.RollbackDeploymentId ?? DeploymentIds.DerivedFrom(CommandKey.For(deploymentId, "rollback"));
        return Results.Ok(new GroupRollbackOutput(rollbackId, deploymentId, rollback.RollbackMessage));
    }

    private static async Task<IResult> RollBackEndedAsync(DeploymentGroupInfo group, Engine.Ports.DeploymentRecordView ended, string by, HttpContext http,
        DeploymentFactory factory, DeploymentEngine engine, TimeProvider time, CancellationToken ct)
    {
        if (ended.State.Rollback is { RollbackDeploymentId: { } already })
        {
            return ApiErrors.Result(ApiErrors.Conflict("RollbackNotPossibleException",
                $"deployment {ended.DeploymentId} was already rolled back by deployment {already}"));
        }

        var (spec, problem) = await factory.LaterRollbackAsync(group, ended, ct);
        if (spec is null)
        {
            return ApiErrors.Result(ApiErrors.Conflict("RollbackNotPossibleException", problem!));
        }

        try
        {
            await engine.CreateAsync(spec, group.ApplicationName, group.DeploymentGroupName,
                Audit.Of(http, time, "RollbackDeploymentGroup", spec.DeploymentId, $"rolls back {ended.DeploymentId} to revision {spec.Revision}"), ct);
        }
        catch (StoreConflictException e)
        {
            return ApiErrors.Result(ApiErrors.FromStore(e, "Deployment"));
        }

        await engine.ObserveAsync(ended.DeploymentId, new RolledBackLater(spec.DeploymentId, spec.Revision, by), ct);
        var message = $"deployment {spec.DeploymentId} redeploys {spec.Revision}, the revision known-good before {ended.DeploymentId}";
        return Results.Created($"/api/v1/deployments/{spec.DeploymentId}", new GroupRollbackOutput(spec.DeploymentId, ended.DeploymentId, message));
    }
}
