using Greenlight.Contracts.V1;
using Greenlight.Engine.Storage;
using Greenlight.Server.Api;
using Greenlight.Server.Auth;
using Greenlight.Server.Hosting;

namespace Greenlight.Server.Alarms;

/// <summary>
/// <c>/api/v1/alarms</c>: CloudWatch-like metric alarms: create, list, get, update, delete (409 while a deployment group names
/// the alarm), set the state (SetAlarmState: until the next evaluation) and the history of state changes, newest first.
/// </summary>
public static class AlarmsApi
{
    public static void MapAlarmsApi(this IEndpointRouteBuilder api)
    {
        const string Alarms = "/alarms";
        api.MapPost(Alarms, Create).RequireWrite();
        api.MapGet(Alarms, List).RequireRead();
        api.MapGet(Alarms + "/{name}", Get).RequireRead();
        api.MapPut(Alarms + "/{name}", Update).RequireWrite();
        api.MapDelete(Alarms + "/{name}", Delete).RequireWrite();
        api.MapPut(Alarms + "/{name}/state", SetState).RequireWrite();
        api.MapGet(Alarms + "/{name}/history", History).RequireRead();
    }

    private static async Task<IResult> Create(AlarmInput input, HttpContext http, IGreenlightStore store, ServerOptions options, TimeProvider time, AlarmEvaluations evaluations, CancellationToken ct)
    {
        if (AlarmValidation.Check(input, options) is { } problem)
        {
            return ApiErrors.Result(problem);
        }

        var doc = new AlarmDocument(AlarmValidation.Normalize(input, null, time.GetUtcNow()), [], []);
        try
        {
            await store.PutResourceAsync(ResourceKinds.Alarm, doc.Name, Documents.Write(doc), 0, Audit.Of(http, time, "PutMetricAlarm", doc.Name), ct);
        }
        catch (StoreConflictException e)
        {
            return ApiErrors.Result(ApiErrors.FromStore(e, "Alarm"));
        }

        evaluations.Forget(doc.Name);
        return Results.Created($"/api/v1/alarms/{doc.Name}", new { alarm = View(doc, evaluations) });
    }

    private static async Task<IResult> List(IGreenlightStore store, AlarmEvaluations evaluations, CancellationToken ct) =>
        Results.Ok(new { alarms = (await AlarmStore.ListAsync(store, ct)).Select(d => View(d, evaluations)) });

    private static async Task<IResult> Get(string name, IGreenlightStore store, AlarmEvaluations evaluations, CancellationToken ct) =>
        await AlarmStore.GetAsync(store, name, ct) is var (doc, _)
            ? Results.Ok(new { alarm = View(doc, evaluations) })
            : ApiErrors.Result(NotFound(name));

    private static async Task<IResult> Update(string name, AlarmInput input, HttpContext http, IGreenlightStore store, ServerOptions options, TimeProvider time,
        AlarmEvaluations evaluations, CancellationToken ct)
    {
        if (input.AlarmName is not null && input.AlarmName != name)
        {
            return ApiErrors.Result(ApiErrors.Invalid(AlarmValidation.Code, $"alarmName '{input.AlarmName}' differs from the alarm in the path ('{name}'); an alarm cannot be renamed"));
        }

        ApiError? problem = null;
        var updated = await AlarmStore.UpdateAsync(store, name, doc =>
        {
            var merged = AlarmValidation.Merge(doc.Alarm, input);
            problem = AlarmValidation.Check(merged, options);
            if (problem is not null)
            {
                return null;
            }

            var alarm = AlarmValidation.Normalize(merged, doc.Alarm, time.GetUtcNow());
            var sameSource = alarm.Metric == doc.Alarm.Metric && alarm.Period == doc.Alarm.Period;
            return doc with { Alarm = alarm, Recent = sameSource ? doc.Recent : [] };
        }, Audit.Of(http, time, "UpdateMetricAlarm", name), ct);
        if (updated is not var (_, after))
        {
            return ApiErrors.Result(problem ?? NotFound(name));
        }

        evaluations.Forget(name);
        return Results.Ok(new { alarm = View(after, evaluations) });
    }

    private static async Task<IResult> Delete(string name, HttpContext http, IGreenlightStore store, TimeProvider time, AlarmEvaluations evaluations, CancellationToken ct)
    {
        var users = (await store.ListResourcesAsync(ResourceKinds.DeploymentGroup, null, ct))
            .Select(r => Documents.Read<DeploymentGroupInfo>(r.Body))
            .Where(g => (g.AlarmConfiguration?.Alarms ?? []).Any(a => a.Name == name))
            .Select(g => $"{g.ApplicationName}/{g.DeploymentGroupName}")
            .ToList();
        if (users.Count > 0)
        {
            return ApiErrors.Result(ApiErrors.Conflict("ResourceInUseException",
                $"alarm '{name}' is named by the alarm configuration of deployment group(s) {string.Join(", ", users)}; remove it there first"));
        }

        if (!await store.DeleteResourceAsync(ResourceKinds.Alarm, name, null, Audit.Of(http, time, "DeleteAlarms", name), ct))
        {
            return ApiErrors.Result(NotFound(name));
        }

        evaluations.Forget(name);
        return Results.NoContent();
    }

    private static async Task<IResult> SetState(string name, SetAlarmStateInput input, HttpContext http, TimeProvider time, AlarmStates states, AlarmEvaluations evaluations, CancellationToken ct)
    {
        if (!AlarmVocabulary.States.Contains(input.StateValue))
        {
            return ApiErrors.Result(ApiErrors.Invalid(AlarmValidation.Code, $"stateValue '{input.StateValue}' must be one of {string.Join(", ", AlarmVocabulary.States)}"));
        }

        if (input.StateReason is { Length: > 1023 })
        {
            return ApiErrors.Result(ApiErrors.Invalid(AlarmValidation.Code, "stateReason must be at most 1023 characters"));
        }

        var caller = Access.CallerOf(http).Actor;
        var reason = string.IsNullOrWhiteSpace(input.StateReason) ? $"set by {caller}" : input.StateReason;
        var doc = await states.SetAsync(name, input.StateValue!, reason, [], null, null, Audit.Of(http, time, "SetAlarmState", name, input.StateValue!), ct);
        return doc is null ? ApiErrors.Result(NotFound(name)) : Results.Ok(new { alarm = View(doc, evaluations) });
    }

    private static async Task<IResult> History(string name, IGreenlightStore store, CancellationToken ct) =>
        await AlarmStore.GetAsync(store, name, ct) is var (doc, _)
            ? Results.Ok(new { alarmHistoryItems = doc.History.Reverse() })
            : ApiErrors.Result(NotFound(name));

    private static AlarmInfo View(AlarmDocument doc, AlarmEvaluations evaluations) => doc.Alarm with { LastEvaluation = evaluations.Last(doc.Name) };

    public static ApiError NotFound(string name) => ApiErrors.NotFound("AlarmNotFoundException", $"alarm '{name}' does not exist");
}
