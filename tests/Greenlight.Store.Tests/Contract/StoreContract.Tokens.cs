using Greenlight.Engine.Storage;

namespace Greenlight.Store.Tests.Contract;

public abstract partial class StoreContract
{
    private static ApiTokenRecord Token(string id, string hash, string role = "operator", string? instanceId = null) =>
        new(id, "token " + id, hash, role, instanceId, T0, T0.AddDays(30), null);

    [Fact]
    public async Task PutTokenAsync_New_FoundByHashAndListed()
    {
        var token = Token("t-1", new string('1', 64));
        var agent = Token("t-2", new string('2', 64), "agent", "i-1") with { ExpiresAt = null };

        await Store.PutTokenAsync(token, Audit("CreateToken", "t-1"), Ct);
        await Store.PutTokenAsync(agent, null, Ct);

        Assert.Equal(token, await Store.FindTokenByHashAsync(new string('1', 64), Ct));
        Assert.Equal(agent, await Store.FindTokenByHashAsync(new string('2', 64), Ct));
        Assert.Null(await Store.FindTokenByHashAsync(new string('3', 64), Ct));
        Assert.Equal([token, agent], await Store.ListTokensAsync(Ct));
        Assert.Single(await Store.ListAuditAsync(10, Ct));
    }

    [Fact]
    public async Task PutTokenAsync_DuplicateIdOrHash_AlreadyExistsAndNoAudit()
    {
        await Store.PutTokenAsync(Token("t-1", new string('1', 64)), Audit("CreateToken", "t-1"), Ct);

        var sameHash = await Assert.ThrowsAsync<StoreConflictException>(
            () => Store.PutTokenAsync(Token("t-2", new string('1', 64)), Audit("CreateToken", "t-2"), Ct));
        var sameId = await Assert.ThrowsAsync<StoreConflictException>(
            () => Store.PutTokenAsync(Token("t-1", new string('9', 64)), Audit("CreateToken", "t-1"), Ct));

        Assert.Equal(("AlreadyExists", "AlreadyExists"), (sameHash.Code, sameId.Code));
        Assert.DoesNotContain(new string('1', 64), sameHash.Message, StringComparison.Ordinal);
        Assert.Single(await Store.ListTokensAsync(Ct));
        Assert.Single(await Store.ListAuditAsync(10, Ct));
    }

    [Fact]
    public async Task RevokeTokenAsync_Existing_RevokedAtSetOnceAndAudited()
    {
        await Store.PutTokenAsync(Token("t-1", new string('1', 64)), null, Ct);

        Assert.True(await Store.RevokeTokenAsync("t-1", T0.AddHours(1), Audit("RevokeToken", "t-1"), Ct));
        Assert.True(await Store.RevokeTokenAsync("t-1", T0.AddHours(2), Audit("RevokeToken", "t-1"), Ct));

        Assert.Equal(T0.AddHours(1), (await Store.FindTokenByHashAsync(new string('1', 64), Ct))!.RevokedAt);
        Assert.Equal(2, (await Store.ListAuditAsync(10, Ct)).Count);
    }

    [Fact]
    public async Task RevokeTokenAsync_Unknown_FalseAndNoAudit()
    {
        Assert.False(await Store.RevokeTokenAsync("t-404", T0, Audit("RevokeToken", "t-404"), Ct));

        Assert.Empty(await Store.ListAuditAsync(10, Ct));
    }

    [Fact]
    public async Task ListAuditAsync_ManyEntries_NewestFirstWithinLimit()
    {
        for (var i = 0; i < 5; i++)
        {
            await Store.PutResourceAsync(ResourceKinds.Alarm, "a" + i, "{}", 0, Audit("Create" + i, "a" + i, T0.AddSeconds(i)), Ct);
        }

        var audit = await Store.ListAuditAsync(3, Ct);

        Assert.Equal([Audit("Create4", "a4", T0.AddSeconds(4)), Audit("Create3", "a3", T0.AddSeconds(3)), Audit("Create2", "a2", T0.AddSeconds(2))], audit);
    }
}
