using Greenlight.Contracts.V1;
using Greenlight.Engine.Storage;
using Greenlight.Server.Api;
using Greenlight.Server.Auth;

namespace Greenlight.Server.Agents;

/// <summary>
/// Agent enrollment. An admin creates an enrollment token (<c>POST /api/v1/enrollment-tokens</c>: single use by
/// default, expiring); an agent exchanges it once, with no other credential, at <c>POST /api/v1/agent/enroll</c> for a
/// per-instance credential (an agent-role API token bound to its instance) and is registered with its tags. Each use
/// spends the token; an expired or spent one is refused. Enrolling a name that already exists is refused, so a leaked
/// enrollment token cannot take over an existing instance.
/// </summary>
public static class EnrollmentApi
{
    public const string EnrollPath = "/api/v1/agent/enroll";

    public static void MapEnrollmentApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/enrollment-tokens", Create).RequireAdmin();
        api.MapPost("/agent/enroll", Enroll);
    }

    private static async Task<IResult> Create(CreateEnrollmentTokenInput input, HttpContext http, IGreenlightStore store, TimeProvider time, CancellationToken ct)
    {
        if (Names.Check("name", input.Name) is { } bad)
        {
            return ApiErrors.Result(bad);
        }

        if (input.Uses is < 1 or > 10_000 || input.ExpiresInHours is < 1 or > 24 * 365)
        {
            return ApiErrors.Result(ApiErrors.Invalid("InvalidInputException", "uses must be 1-10000 and expiresInHours 1-8760"));
        }

        var secret = "gle_" + TokenSecrets.New()[TokenSecrets.Prefix.Length..];
        var token = new EnrollmentToken(TokenSecrets.NewId(), input.Name!, TokenSecrets.Hash(secret), input.Uses ?? 1,
            time.GetUtcNow().AddHours(input.ExpiresInHours ?? 24), input.Tags ?? []);
        await store.PutResourceAsync(EnrollmentToken.Kind, token.Hash, Documents.Write(token), 0, Audit.Of(http, time, "CreateEnrollmentToken", token.Id, token.Name), ct);
        return Results.Created($"/api/v1/enrollment-tokens/{token.Id}", new CreateEnrollmentTokenOutput(token.Id, token.Name, secret, token.UsesLeft, token.ExpiresAt));
    }

    private static async Task<IResult> Enroll(EnrollInput input, IGreenlightStore store, TimeProvider time, CancellationToken ct)
    {
        if (Names.Check("instanceName", input.InstanceName) is { } bad)
        {
            return ApiErrors.Result(bad);
        }

        var hash = TokenSecrets.Hash(input.EnrollmentToken ?? "");
        var now = time.GetUtcNow();
        EnrollmentToken? token = null;
        AuditEntry? audit = null;
        for (var attempt = 0; attempt < 20 && audit is null; attempt++)
        {
            var stored = await store.GetResourceAsync(EnrollmentToken.Kind, hash, ct);
            token = stored is null ? null : Documents.Read<EnrollmentToken>(stored.Body);
            if (token is null || token.UsesLeft < 1 || token.ExpiresAt <= now)
            {
                return ApiErrors.Result(ApiErrors.Unauthorized("the enrollment token is unknown, used up or expired: ask an admin for a new one"));
            }

            if (await store.GetResourceAsync(ResourceKinds.Instance, input.InstanceName!, ct) is not null)
            {
                return ApiErrors.Result(ApiErrors.Conflict("InstanceNameAlreadyRegisteredException",
                    $"instance '{input.InstanceName}' is already registered; deregister it first or choose another name"));
            }

            var entry = new AuditEntry(now, $"enrollment {token.Name} ({token.Id})", "EnrollAgent", input.InstanceName!);
            try
            {
                // Spend one use; the version check makes concurrent enrollments take turns instead of spending one use twice.
                await store.PutResourceAsync(EnrollmentToken.Kind, hash, Documents.Write(token with { UsesLeft = token.UsesLeft - 1 }), stored!.Version, entry, ct);
                audit = entry;
            }
            catch (StoreConflictException e) when (e.Code == "VersionConflict")
            {
                // Another agent enrolled with the same token at the same moment: read the token again.
            }
        }

        if (token is null || audit is null)
        {
            return ApiErrors.Result(ApiErrors.Conflict("EnrollmentConflictException", "too many agents enrolled with this token at once; try again"));
        }

        var tags = (input.Tags ?? []).Concat(token.Tags).DistinctBy(t => t.Key).ToList();
        var info = new InstanceInfo(input.InstanceName!, tags, now, null)
        {
            Address = System.Net.IPAddress.TryParse(input.Address, out var address) ? address.ToString() : null,
        };
        await store.PutResourceAsync(ResourceKinds.Instance, info.InstanceName, Documents.Write(info), 0, audit, ct);
        var secret = TokenSecrets.New();
        await store.PutTokenAsync(new ApiTokenRecord(TokenSecrets.NewId(), "agent-" + info.InstanceName, TokenSecrets.Hash(secret), Roles.Agent, info.InstanceName, now, null, null), audit, ct);
        return Results.Ok(new EnrollOutput(info.InstanceName, secret));
    }
}
