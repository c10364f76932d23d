using System.Text.Json;
using Greenlight.Contracts.V1;
using Greenlight.Core.Deployments;
using Greenlight.Engine.Running;
using Greenlight.Engine.Storage;
using Greenlight.Server.Auth;
using Greenlight.Server.Deployments;

namespace Greenlight.Server.Api;

/// <summary><c>/api/v1/deployments</c>: create, get, list, targets, event log, stop, continue, rollback.</summary>
public static class DeploymentsApi
{
    private static readonly string[] Statuses = Enum.GetNames<DeploymentStatus>();

    public static void MapDeploymentsApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/deployments", Create).RequireWrite();
        api.MapGet("/deployments", List).RequireRead();
        api.MapGet("/deployments/{deploymentId}", Get).RequireRead();
        api.MapGet("/deployments/{deploymentId}/targets", Targets).RequireRead();
        api.MapGet("/deployments/{deploymentId}/targets/{targetId}", Target).RequireRead();
        api.MapGet("/deployments/{deploymentId}/events", Events).RequireRead();
        api.MapPost("/deployments/{deploymentId}/stop", Stop).RequireWrite();
        api.MapPost("/deployments/{deploymentId}/continue", Continue).RequireWrite();
        api.MapPost("/deployments/{deploymentId}/rollback", Rollback).RequireWrite();
    }

    private static async Task<IResult> Create(CreateDeploymentInput input, HttpContext http, DeploymentFactory factory, DeploymentEngine engine,
        IGreenlightStore store, TimeProvider time, CancellationToken ct)
    {
        var (spec, error) = await factory.ForUserAsync(input, ct);
        if (spec is null)
        {
            return ApiErrors.Result(error!);
        }

        try
        {
            await engine.CreateAsync(spec, input.ApplicationName!, input.DeploymentGroupName!,
                Audit.Of(http, time, "CreateDeployment", spec.DeploymentId, $"{input.ApplicationName}/{input.DeploymentGroupName} revision {spec.Revision}"), ct);
        }
        catch (StoreConflictException e)
        {
            return ApiErrors.Result(ApiErrors.FromStore(e, "Deployment"));
        }

        await store.MarkRevisionUsedAsync(input.ApplicationName!, spec.Revision, time.GetUtcNow(), ct);
        return Results.Created($"/api/v1/deployments/{spec.DeploymentId}", new CreateDeploymentOutput(spec.DeploymentId));
    }

    private static async Task<IResult> List(string? applicationName, string? deploymentGroupName, string? includeOnlyStatuses, int? limit, IGreenlightStore store, CancellationToken ct)
    {
        var statuses = includeOnlyStatuses?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (statuses?.FirstOrDefault(s => !Statuses.Contains(s)) is { } bad)
        {
            return ApiErrors.Result(ApiErrors.Invalid("InvalidDeploymentStatusException", $"status '{bad}' must be one of {string.Join(", ", Statuses)}"));
        }

        if (limit is < 1 or > 1000)
        {
            return ApiErrors.Result(ApiErrors.Invalid("InvalidInputException", "limit must be from 1 to 1000"));
        }

        var found = await store.ListDeploymentsAsync(new DeploymentQuery(applicationName, deploymentGroupName, statuses, Limit: limit ?? 100), ct);
        return Results.Ok(new { deployments = found.Select(d => d.DeploymentId) });
    }

    private static async Task<IResult> Get(string deploymentId, IGreenlightStore store, CancellationToken ct) =>
        await store.GetDeploymentAsync(deploymentId, ct) is { } record
            ? Results.Ok(new { deploymentInfo = DeploymentViews.Info(record, EngineJson.ReadState(record.StateJson)) })
            : NotFound(deploymentId);

    private static async Task<IResult> Targets(string deploymentId, IGreenlightStore store, CancellationToken ct)
    {
        if (await store.GetDeploymentAsync(deploymentId, ct) is not { } record)
        {
            return NotFound(deploymentId);
        }

        var state = EngineJson.ReadState(record.StateJson);
        return Results.Ok(new { deploymentTargets = state.Instances.Select(i => DeploymentViews.Target(state, i)) });
    }

    private static async Task<IResult> Target(string deploymentId, string targetId, IGreenlightStore store, CancellationToken ct)
    {
        if (await store.GetDeploymentAsync(deploymentId, ct) is not { } record)
        {
            return NotFound(deploymentId);
        }

        var state = EngineJson.ReadState(record.StateJson);
        return state.Find(targetId) is { } instance
            ? Results.Ok(new { deploymentTarget = DeploymentViews.Target(state, instance) })
            : ApiErrors.Result(ApiErrors.NotFound("DeploymentTargetDoesNotExistException", $"instance '{targetId}' is not a target of deployment {deploymentId}"));
    }

    private static async Task<IResult> Events(string deploymentId, long? after, int? limit, IGreenlightStore store, CancellationToken ct)
    {
        if (await store.GetDeploymentAsync(deploymentId, ct) is null)
        {
            return NotFound(deploymentId);
        }

        var size = Math.Clamp(limit ?? 100, 1, 1000);
        var entries = await store.ListEventsAsync(deploymentId, after ?? 0, size, ct);
        var events = entries.Select(e => new DeploymentEvent(e.Seq, e.At, e.Type, JsonDocument.Parse(e.Json).RootElement.Clone())).ToList();
        return Results.Ok(new DeploymentEventPage(events, entries.Count == size ? entries[^1].Seq : null));
    }

    private static Task<IResult> Stop(string deploymentId, StopDeploymentInput? input, HttpContext http, DeploymentEngine engine, CancellationToken ct) =>
        Observe(deploymentId, new StopRequested(input?.AutoRollbackEnabled ?? false, Access.CallerOf(http).Name), engine, ct,
            _ => Results.Ok(new StopDeploymentOutput("Succeeded", "the deployment is stopped")));

    private static Task<IResult> Continue(string deploymentId, ContinueDeploymentInput? input, DeploymentEngine engine, CancellationToken ct)
    {
        var kind = (input?.DeploymentWaitType ?? "READY_WAIT") switch
        {
            "READY_WAIT" => ContinueKind.ReadyWait,
            "TERMINATION_WAIT" => ContinueKind.TerminationWait,
            _ => (ContinueKind?)null,
        };
        return kind is null
            ? Task.FromResult(ApiErrors.Result(ApiErrors.Invalid("InvalidDeploymentWaitTypeException", "deploymentWaitType must be READY_WAIT or TERMINATION_WAIT")))
            : Observe(deploymentId, new ContinueRequested(kind.Value), engine, ct, _ => Results.Ok(new { status = "continued" }));
    }

    private static Task<IResult> Rollback(string deploymentId, HttpContext http, DeploymentEngine engine, CancellationToken ct) =>
        Observe(deploymentId, new RollbackRequested(Access.CallerOf(http).Name), engine, ct, _ => Results.Ok(new { status = "rolling back" }));

    private static async Task<IResult> Observe(string deploymentId, Observation observation, DeploymentEngine engine, CancellationToken ct, Func<ObserveResult, IResult> ok)
    {
        var result = await engine.ObserveAsync(deploymentId, observation, ct);
        if (!result.Found)
        {
            return NotFound(deploymentId);
        }

        return result.Rejection is { } rejection
            ? ApiErrors.Result(ApiErrors.Invalid(rejection.Code switch
            {
                RejectionCode.DeploymentCompleted => "DeploymentAlreadyCompletedException",
                RejectionCode.NotApplicable when observation is ContinueRequested => "DeploymentIsNotInReadyStateException",
                _ => "InvalidDeploymentStateException",
            }, rejection.Message))
            : ok(result);
    }

    private static IResult NotFound(string deploymentId) =>
        ApiErrors.Result(ApiErrors.NotFound("DeploymentDoesNotExistException", $"deployment '{deploymentId}' does not exist"));
}
