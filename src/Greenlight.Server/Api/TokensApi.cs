using Greenlight.Contracts.V1;
using Greenlight.Engine.Storage;
using Greenlight.Server.Agents;
using Greenlight.Server.Auth;

namespace Greenlight.Server.Api;

/// <summary><c>/api/v1/tokens</c> (admin only): create (the secret is returned once), list, revoke.</summary>
public static class TokensApi
{
    public static void MapTokensApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/tokens", Create).RequireAdmin();
        api.MapGet("/tokens", List).RequireAdmin();
        api.MapDelete("/tokens/{id}", Revoke).RequireAdmin();
    }

    private static async Task<IResult> Create(CreateTokenInput input, HttpContext http, IGreenlightStore store, TimeProvider time, CancellationToken ct)
    {
        if (Names.Check("name", input.Name) is { } bad)
        {
            return ApiErrors.Result(bad);
        }

        if (input.Role is null || !Roles.All.Contains(input.Role))
        {
            return ApiErrors.Result(ApiErrors.Invalid("InvalidRoleException", $"role '{input.Role}' must be one of {string.Join(", ", Roles.All)}"));
        }

        if ((input.Role == Roles.Agent) != (input.InstanceName is not null))
        {
            return ApiErrors.Result(ApiErrors.Invalid("InvalidInputException", "an agent token names its instanceName; other roles name none"));
        }

        if (input.ExpiresInDays is <= 0 or > 3650)
        {
            return ApiErrors.Result(ApiErrors.Invalid("InvalidInputException", "expiresInDays must be from 1 to 3650"));
        }

        var secret = TokenSecrets.New();
        var now = time.GetUtcNow();
        var record = new ApiTokenRecord(TokenSecrets.NewId(), input.Name!, TokenSecrets.Hash(secret), input.Role, input.InstanceName, now,
            input.ExpiresInDays is { } days ? now.AddDays(days) : null, null);
        await store.PutTokenAsync(record, Audit.Of(http, time, "CreateToken", record.Id, $"{record.Name} ({record.Role})"), ct);
        return Results.Created($"/api/v1/tokens/{record.Id}", new CreateTokenOutput(record.Id, record.Name, record.Role, secret));
    }

    private static async Task<IResult> List(IGreenlightStore store, CancellationToken ct) =>
        Results.Ok(new { tokens = (await store.ListTokensAsync(ct)).Select(t => new TokenInfo(t.Id, t.Name, t.Role, t.InstanceId, t.CreatedAt, t.ExpiresAt, t.RevokedAt)) });

    private static async Task<IResult> Revoke(string id, HttpContext http, IGreenlightStore store, TicketSignals signals, TimeProvider time, CancellationToken ct)
    {
        if (!await store.RevokeTokenAsync(id, time.GetUtcNow(), Audit.Of(http, time, "RevokeToken", id), ct))
        {
            return ApiErrors.Result(ApiErrors.NotFound("TokenDoesNotExistException", $"token '{id}' does not exist"));
        }

        // Wake the instance's long poll so it re-checks its credential and is cut off now, not at the next poll.
        if ((await store.ListTokensAsync(ct)).FirstOrDefault(t => t.Id == id)?.InstanceId is { } instance)
        {
            signals.Signal(instance);
        }

        return Results.NoContent();
    }
}
